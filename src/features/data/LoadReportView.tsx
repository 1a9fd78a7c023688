export { LoadReportView } from '../../components/ui/LoadReportView';
