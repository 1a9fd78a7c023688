import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A render error shows what went wrong and a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; title: string; retryLabel: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-box" role="alert" style={{ margin: 24 }}>
        <strong>{this.props.title}</strong>
        {'\n'}
        {this.state.error.message}
        {'\n'}
        <button type="button" className="btn" style={{ marginTop: 12 }} onClick={() => this.setState({ error: null })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
