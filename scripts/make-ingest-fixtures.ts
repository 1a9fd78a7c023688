/**
 * Writes the import fixtures in tests/fixtures/ingest: one file per recognised source in that
 * source's real layout (column names and order from the public documentation of each
 * export), plus the canonical layout in every supported container. Deterministic: run
 * `npx tsx scripts/make-ingest-fixtures.ts` and the files come out byte-identical, except the
 * .xlsx, whose zip records the time it was written (its cells do not change).
 * The expected counts and sums live, worked out by hand, in tests/unit/ingest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import writeXlsxFile from 'write-excel-file/node';

const DIR = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'ingest');

function csvLine(values: readonly (string | number)[], delimiter = ','): string {
  return values
    .map((v) => {
      const s = String(v);
      // Excel's ="…" guard is written bare, as the seller back-end does.
      if (/^="[^"]*"$/.test(s)) return s;
      return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(delimiter);
}

function write(name: string, content: string | Uint8Array): void {
  writeFileSync(path.join(DIR, name), content);
  console.log(`wrote ${name}`);
}

/** GB18030/GBK bytes for text, by inverting the platform's decoder (no encoder ships with JS). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

// Shopify: Admin › Orders › Export, "CSV for Excel, Numbers, or other spreadsheet programs".
const SHOPIFY_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
];

type Fields = Record<string, string | number>;

function shopifyRows(): string {
  const order = (o: Fields): Fields => ({
    'Fulfillment Status': 'fulfilled',
    'Accepts Marketing': 'no',
    Currency: 'USD',
    'Shipping Method': 'Standard',
    'Billing Country': 'US',
    'Shipping Country': 'US',
    'Payment Method': 'Shopify Payments',
    'Risk Level': 'Low',
    Source: 'web',
    'Tax 1 Name': 'State tax',
    ...o,
  });
  const item = (name: string, o: Fields): Fields => ({
    Name: name,
    'Lineitem requires shipping': 'true',
    'Lineitem taxable': 'true',
    'Lineitem fulfillment status': 'fulfilled',
    'Lineitem compare at price': '',
    Vendor: 'Example Goods',
    'Lineitem discount': '0.00',
    ...o,
  });
  const rows: Fields[] = [
    {
      ...order({
        Name: '#1001',
        Email: 'alice@example.com',
        'Financial Status': 'paid',
        'Paid at': '2025-10-07 09:51:02 +0200',
        Subtotal: '65.00',
        Shipping: '5.00',
        Taxes: '5.20',
        Total: '75.20',
        'Discount Amount': '0.00',
        'Created at': '2025-10-07 09:50:26 +0200',
        'Shipping Province': 'CA',
        'Refunded Amount': '0.00',
        'Outstanding Balance': '0.00',
        Id: '5678901001',
        'Tax 1 Value': '5.20',
        'Shipping Province Name': 'California',
        'Billing Province Name': 'California',
      }),
      ...item('#1001', {
        'Lineitem quantity': 2,
        'Lineitem name': 'T-shirt - M',
        'Lineitem price': '25.00',
        'Lineitem sku': 'TS-M',
      }),
    },
    item('#1001', {
      'Lineitem quantity': 1,
      'Lineitem name': 'Cap',
      'Lineitem price': '15.00',
      'Lineitem sku': 'CAP-1',
    }),
    {
      ...order({
        Name: '#1002',
        Email: 'Bob@Example.com',
        'Financial Status': 'partially_refunded',
        'Paid at': '2025-10-08 14:03:40 -0400',
        Subtotal: '60.00',
        Shipping: '0.00',
        Taxes: '4.32',
        Total: '58.32',
        'Discount Code': 'WELCOME10',
        'Discount Amount': '6.00',
        'Created at': '2025-10-08 14:03:11 -0400',
        'Shipping Province': 'NY',
        Notes: 'Leave at the door.\nRing twice, please.',
        'Refunded Amount': '20.00',
        'Outstanding Balance': '0.00',
        Id: '5678901002',
        'Tax 1 Value': '4.32',
      }),
      ...item('#1002', {
        'Lineitem quantity': 1,
        'Lineitem name': 'Hoodie',
        'Lineitem price': '60.00',
        'Lineitem sku': 'HD-1',
      }),
    },
    {
      ...order({
        Name: '#1003',
        Email: 'carol@example.com',
        'Financial Status': 'refunded',
        'Paid at': '2025-10-09 23:15:30 +0900',
        Subtotal: '12.00',
        Shipping: '4.00',
        Taxes: '0.00',
        Total: '16.00',
        'Discount Amount': '0.00',
        'Created at': '2025-10-09 23:15:00 +0900',
        'Shipping Province': 'WA',
        'Cancelled at': '2025-10-10 08:00:00 +0900',
        'Refunded Amount': '16.00',
        'Outstanding Balance': '0.00',
        Id: '5678901003',
      }),
      ...item('#1003', {
        'Lineitem quantity': 1,
        'Lineitem name': 'Mug',
        'Lineitem price': '12.00',
        'Lineitem sku': 'MUG-1',
      }),
    },
    {
      ...order({
        Name: '#1004',
        Email: 'dave@example.com',
        'Financial Status': 'pending',
        'Fulfillment Status': 'unfulfilled',
        Subtotal: '27.00',
        Shipping: '3.00',
        Taxes: '0.00',
        Total: '30.00',
        'Discount Amount': '0.00',
        'Created at': '2025-10-10 08:00:00 +0000',
        'Shipping Province': 'TX',
        'Payment Method': 'Bank Deposit',
        'Refunded Amount': '0.00',
        'Outstanding Balance': '30.00',
        Id: '5678901004',
      }),
      ...item('#1004', {
        'Lineitem quantity': 4,
        'Lineitem name': 'Sticker',
        'Lineitem price': '3.00',
        'Lineitem sku': 'STK-1',
        'Lineitem fulfillment status': 'pending',
      }),
    },
    item('#1004', {
      'Lineitem quantity': 1,
      'Lineitem name': 'Poster',
      'Lineitem price': '10.00',
      'Lineitem sku': 'PST-1',
      'Lineitem fulfillment status': 'pending',
    }),
    item('#1004', {
      'Lineitem quantity': 2,
      'Lineitem name': 'Pin, enamel',
      'Lineitem price': '2.50',
      'Lineitem sku': 'PIN-1',
      'Lineitem fulfillment status': 'pending',
    }),
    {
      ...order({
        Name: '#1005',
        Email: 'erin@example.com',
        'Financial Status': 'voided',
        'Fulfillment Status': 'unfulfilled',
        Subtotal: '9.00',
        Shipping: '0.00',
        Taxes: '0.00',
        Total: '9.00',
        'Discount Amount': '0.00',
        'Created at': '2025-10-11 10:30:00 +0100',
        'Shipping Province': 'FL',
        'Cancelled at': '2025-10-11 11:00:00 +0100',
        'Refunded Amount': '0.00',
        'Outstanding Balance': '0.00',
        Id: '5678901005',
      }),
      ...item('#1005', {
        'Lineitem quantity': 1,
        'Lineitem name': 'Socks',
        'Lineitem price': '9.00',
        'Lineitem sku': 'SCK-1',
      }),
    },
    {
      ...order({
        Name: '#1006',
        Email: '',
        Phone: '+14155550123',
        'Financial Status': 'authorized',
        'Fulfillment Status': 'unfulfilled',
        Subtotal: '30.00',
        Shipping: '0.00',
        Taxes: '0.00',
        Total: '30.00',
        'Discount Amount': '0.00',
        'Created at': '2025-10-12 12:00:00 -0700',
        'Shipping Province': 'CA',
        'Refunded Amount': '0.00',
        'Outstanding Balance': '30.00',
        Id: '5678901006',
        Source: 'pos',
      }),
      ...item('#1006', {
        'Lineitem quantity': 1,
        'Lineitem name': 'Scarf',
        'Lineitem price': '30.00',
        'Lineitem sku': 'SCF-1',
      }),
    },
  ];
  const lines = [csvLine(SHOPIFY_HEADER), ...rows.map((r) => csvLine(SHOPIFY_HEADER.map((h) => r[h] ?? '')))];
  return `${lines.join('\n')}\n`;
}

// WooCommerce: the order export documented at woocommerce.com "Import and Export of WooCommerce Orders".
const WOO_HEADER = [
  'order_id',
  'order_number',
  'order_date',
  'paid_date',
  'status',
  'shipping_total',
  'shipping_tax_total',
  'fee_total',
  'fee_tax_total',
  'tax_total',
  'cart_discount',
  'order_discount',
  'discount_total',
  'order_total',
  'order_subtotal',
  'order_currency',
  'payment_method',
  'payment_method_title',
  'transaction_id',
  'customer_ip_address',
  'customer_user_agent',
  'shipping_method',
  'customer_id',
  'customer_user',
  'customer_email',
  'billing_first_name',
  'billing_last_name',
  'billing_company',
  'billing_email',
  'billing_phone',
  'billing_address_1',
  'billing_address_2',
  'billing_postcode',
  'billing_city',
  'billing_state',
  'billing_country',
  'shipping_first_name',
  'shipping_last_name',
  'shipping_company',
  'shipping_phone',
  'shipping_address_1',
  'shipping_address_2',
  'shipping_postcode',
  'shipping_city',
  'shipping_state',
  'shipping_country',
  'customer_note',
  'wt_import_key',
  'shipping_items',
  'fee_items',
  'tax_items',
  'coupon_items',
  'refund_items',
  'order_notes',
  'download_permissions',
  'meta:_wc_order_attribution_source_type',
  'meta:_wc_order_attribution_utm_medium',
  'line_item_1',
  'line_item_2',
];

function wooRows(): string {
  const base = (o: Fields): Fields => ({
    fee_total: '0.00',
    fee_tax_total: '0.00',
    shipping_tax_total: '0.00',
    tax_total: '0.00',
    cart_discount: '0.00',
    order_discount: '0.00',
    discount_total: '0.00',
    order_currency: 'EUR',
    payment_method: 'stripe',
    payment_method_title: 'Credit card',
    shipping_method: 'Flat rate',
    billing_country: 'DE',
    shipping_country: 'DE',
    download_permissions: '1',
    ...o,
  });
  const li = (name: string, id: number, sku: string, qty: number, total: string, sub: string): string =>
    `name:${name}|product_id:${id}|sku:${sku}|quantity:${qty}|total:${total}|sub_total:${sub}|tax:0.00|tax_data:a:0:{}|meta:`;
  const rows: Fields[] = [
    base({
      order_id: 4101,
      order_number: 4101,
      order_date: '2025-03-03 10:15:00',
      paid_date: '2025-03-03 10:16:02',
      status: 'completed',
      shipping_total: '4.90',
      order_total: '40.90',
      order_subtotal: '36.00',
      customer_id: 12,
      customer_user: 12,
      customer_email: 'anna@example.de',
      billing_email: 'anna@example.de',
      billing_first_name: 'Anna',
      billing_state: 'BE',
      shipping_items: 'items:Espresso beans 1kg &times; 2|method_id:flat_rate|taxes:a:0:{}|total:4.90',
      'meta:_wc_order_attribution_source_type': 'organic',
      line_item_1: li('Espresso beans 1kg', 31, 'COF-1K', 2, '36.00', '36.00'),
    }),
    base({
      order_id: 4102,
      order_number: 4102,
      order_date: '2025-03-04 18:40:10',
      paid_date: '2025-03-04 18:41:00',
      status: 'processing',
      shipping_total: '5.90',
      cart_discount: '9.00',
      discount_total: '9.00',
      order_total: '85.90',
      order_subtotal: '89.00',
      customer_id: 0,
      customer_user: 0,
      customer_email: 'ben@example.de',
      billing_email: 'ben@example.de',
      billing_first_name: 'Ben',
      billing_state: 'HH',
      coupon_items: 'code:SPRING10|amount:9.00',
      refund_items: 'amount:5.00|reason:Damaged box|date:2025-03-05 09:00:00',
      'meta:_wc_order_attribution_source_type': 'typein',
      customer_note: 'Please ship "fast", thanks',
      line_item_1: li('Grinder', 40, 'GR-100', 1, '80.00', '89.00'),
    }),
    base({
      order_id: 4103,
      order_number: 4103,
      order_date: '2025-03-05 08:05:00',
      paid_date: '2025-03-05 08:06:00',
      status: 'refunded',
      order_total: '25.00',
      order_subtotal: '25.00',
      customer_id: 13,
      customer_user: 13,
      customer_email: 'clara@example.de',
      billing_email: 'clara@example.de',
      billing_first_name: 'Clara',
      billing_state: 'BY',
      refund_items: 'amount:25.00|reason:Changed mind|date:2025-03-06 12:00:00',
      line_item_1: li('Mug', 52, 'MUG-2', 1, '25.00', '25.00'),
    }),
    base({
      order_id: 4104,
      order_number: 4104,
      order_date: '2025-03-06 21:00:00',
      paid_date: '',
      status: 'on-hold',
      order_total: '12.50',
      order_subtotal: '12.50',
      payment_method: 'bacs',
      payment_method_title: 'Direct bank transfer',
      customer_id: 14,
      customer_user: 14,
      customer_email: 'dirk@example.de',
      billing_email: 'dirk@example.de',
      billing_first_name: 'Dirk',
      billing_state: 'NW',
      line_item_1: li('Filter papers', 61, 'FLT-100', 5, '12.50', '12.50'),
    }),
    base({
      order_id: 4105,
      order_number: 4105,
      order_date: '2025-03-07 07:30:00',
      paid_date: '',
      status: 'cancelled',
      order_total: '18.00',
      order_subtotal: '18.00',
      customer_id: 15,
      customer_user: 15,
      customer_email: 'eva@example.de',
      billing_email: 'eva@example.de',
      billing_first_name: 'Eva',
      billing_state: 'SN',
      line_item_1: li('Green tea', 70, 'TEA-G', 2, '18.00', '18.00'),
    }),
    base({
      order_id: 4106,
      order_number: 4106,
      order_date: '2025-03-08 12:12:12',
      paid_date: '2025-03-08 12:13:00',
      status: 'completed',
      shipping_total: '4.90',
      order_total: '36.90',
      order_subtotal: '32.00',
      customer_id: 12,
      customer_user: 12,
      customer_email: 'anna@example.de',
      billing_email: 'anna@example.de',
      billing_first_name: 'Anna',
      billing_state: 'BE',
      'meta:_wc_order_attribution_source_type': 'utm',
      'meta:_wc_order_attribution_utm_medium': 'cpc',
      line_item_1: li('Espresso beans 500g', 30, 'COF-500', 1, '18.00', '18.00'),
      line_item_2: li('Cup', 80, 'CUP-1', 2, '14.00', '14.00'),
    }),
  ];
  const lines = [csvLine(WOO_HEADER), ...rows.map((r) => csvLine(WOO_HEADER.map((h) => r[h] ?? '')))];
  return `${lines.join('\n')}\n`;
}

// Taobao/Tmall: 卖家中心 › 已卖出的宝贝 › 批量导出 › 订单报表 (ExportOrderList). Several real
// headers end in a space; ids are wrapped as ="…" so Excel keeps every digit.
const TAOBAO_HEADER = [
  '订单编号',
  '买家会员名',
  '买家支付宝账号',
  '买家应付货款',
  '买家应付邮费',
  '买家支付积分',
  '总金额',
  '返点积分',
  '买家实际支付金额',
  '买家实际支付积分',
  '订单状态',
  '买家留言',
  '收货人姓名',
  '收货地址 ',
  '运送方式',
  '联系电话 ',
  '联系手机',
  '订单创建时间',
  '订单付款时间 ',
  '宝贝标题 ',
  '宝贝种类 ',
  '物流单号 ',
  '物流公司',
  '订单备注',
  '宝贝总数量',
  '店铺Id',
  '店铺名称',
  '订单关闭原因',
  '卖家服务费',
  '买家服务费',
  '发票抬头',
  '是否手机订单',
  '分阶段订单信息',
  '特权订金订单id',
  '是否上传合同照片',
  '是否上传小票',
  '是否代付',
  '定金排名',
  '修改后的sku',
  '修改后的收货地址',
  '异常信息',
  '天猫卡券抵扣',
  '集分宝抵扣',
  '是否是O2O交易',
  '退款金额',
];

function taobaoRows(): string {
  const row = (o: Fields): Fields => ({
    买家支付积分: 0,
    返点积分: 0,
    买家实际支付积分: 0,
    运送方式: '快递',
    宝贝种类: 1,
    店铺Id: '="123456789"',
    店铺名称: '示例旗舰店',
    卖家服务费: '0',
    买家服务费: '0元',
    是否手机订单: '手机订单',
    ...o,
  });
  const rows: Fields[] = [
    row({
      订单编号: '="2875012345678901"',
      买家会员名: 'tb_alice',
      买家支付宝账号: '="alice@alipay.example"',
      买家应付货款: '199.00',
      买家应付邮费: '0.00',
      总金额: '199.00',
      买家实际支付金额: '199.00',
      订单状态: '交易成功',
      收货人姓名: '王小明',
      收货地址: '浙江省 杭州市 西湖区 文三路100号(310000)',
      订单创建时间: '2025-01-06 20:11:05',
      订单付款时间: '2025-01-06 20:11:30',
      宝贝标题: '保温杯 500ml',
      物流单号: '="No:SF1234567890"',
      物流公司: '顺丰速运',
      宝贝总数量: 1,
      退款金额: '0.00',
    }),
    row({
      订单编号: '="2875012345678902"',
      买家会员名: 'tb_bob',
      买家应付货款: '80.00',
      买家应付邮费: '8.50',
      总金额: '88.50',
      买家实际支付金额: '88.50',
      订单状态: '交易关闭',
      收货人姓名: '李雷',
      收货地址: '上海 上海市 浦东新区 世纪大道1号(200120)',
      订单创建时间: '2025-01-07 09:00:00',
      订单付款时间: '2025-01-07 09:00:12',
      宝贝标题: '帆布包',
      宝贝总数量: 1,
      订单关闭原因: '退款',
      退款金额: '88.50',
    }),
    row({
      订单编号: '="2875012345678903"',
      买家会员名: 'tb_carol',
      买家应付货款: '59.90',
      买家应付邮费: '0.00',
      总金额: '59.90',
      买家实际支付金额: '0.00',
      订单状态: '交易关闭',
      收货人姓名: '韩梅梅',
      收货地址: '北京 北京市 海淀区 中关村大街1号(100080)',
      订单创建时间: '2025-01-07 15:20:00',
      订单付款时间: '',
      宝贝标题: '笔记本',
      宝贝总数量: 2,
      订单关闭原因: '买家未付款',
      退款金额: '0.00',
    }),
    row({
      订单编号: '="2875012345678904"',
      买家会员名: 'tb_dave',
      买家应付货款: '120.00',
      买家应付邮费: '0.00',
      总金额: '120.00',
      买家实际支付金额: '0.00',
      订单状态: '等待买家付款',
      收货人姓名: '张伟',
      收货地址: '广东省 深圳市 南山区 科技园路2号(518000)',
      订单创建时间: '2025-01-08 11:11:11',
      订单付款时间: '',
      宝贝标题: '台灯',
      宝贝总数量: 1,
      退款金额: '0.00',
    }),
    row({
      订单编号: '="2875012345678905"',
      买家会员名: 'tb_erin',
      买家应付货款: '290.00',
      买家应付邮费: '10.00',
      总金额: '300.00',
      买家实际支付金额: '300.00',
      订单状态: '卖家已发货，等待买家确认',
      收货人姓名: '刘洋',
      收货地址: '四川省 成都市 武侯区 天府大道3号(610000)',
      订单创建时间: '2025-01-08 19:45:00',
      订单付款时间: '2025-01-08 19:46:10',
      宝贝标题: '登山鞋',
      宝贝总数量: 1,
      买家留言: '请发顺丰, 谢谢',
      退款金额: '100.00',
    }),
    row({
      订单编号: '="2875012345678906"',
      买家会员名: 'tb_alice',
      买家应付货款: '45.00',
      买家应付邮费: '0.00',
      总金额: '45.00',
      买家实际支付金额: '45.00',
      订单状态: '交易成功',
      收货人姓名: '王小明',
      收货地址: '浙江省 杭州市 西湖区 文三路100号(310000)',
      订单创建时间: '2025-01-09 08:00:00',
      订单付款时间: '2025-01-09 08:00:40',
      宝贝标题: '杯盖',
      宝贝总数量: 1,
      退款金额: '0.00',
    }),
  ];
  const lines = [csvLine(TAOBAO_HEADER), ...rows.map((r) => csvLine(TAOBAO_HEADER.map((h) => r[h.trim()] ?? '')))];
  return `${lines.join('\r\n')}\r\n`;
}

// GA4: Reports › Acquisition › Traffic acquisition, customised with Date and e-commerce
// metrics, then Share this report › Download file › Download CSV.
function ga4Text(): string {
  const header = [
    'Session default channel group',
    'Date',
    'Sessions',
    'Engaged sessions',
    'Engagement rate',
    'Average engagement time per session',
    'Event count',
    'Key events',
    'Total users',
    'Add to carts',
    'Checkouts',
    'Total revenue',
  ];
  const rows = [
    ['Organic Search', '20250106', 1200, 800, 0.666667, 52.31, 9720, 12, 950, 140, 60, 1830.5],
    ['Direct', '20250106', 600, 410, 0.683333, 61.2, 5100, 7, 480, 70, 30, 990],
    ['Paid Search', '20250106', 300, 190, 0.633333, 40.05, 2400, 4, 260, 40, 18, 512.25],
    ['Unassigned', '20250106', 20, 3, 0.15, 5.5, 60, 0, 18, 0, 0, 0],
    ['Organic Search', '20250107', 1100, 760, 0.690909, 50.1, 9000, 10, 900, 120, 50, 1500],
    ['Direct', '20250107', 500, 350, 0.7, 58, 4300, 6, 400, 60, 25, 800],
    ['Email', '20250107', 150, 120, 0.8, 70.4, 1500, 3, 140, 30, 12, 300],
    ['Organic Social', '20250107', 80, 40, 0.5, 20, 500, 1, 75, 5, 2, 45],
  ];
  const comments = [
    '# ----------------------------------------',
    '# Traffic acquisition: Session default channel group',
    '# Account: Example Shop',
    '# Property: Example Shop - GA4',
    '# ----------------------------------------',
    '# ',
    '# All Users',
    '# Start date: 20250106',
    '# End date: 20250107',
  ];
  return `${[...comments, csvLine(header), ...rows.map((r) => csvLine(r))].join('\n')}\n`;
}

// 生意参谋 › 流量 › 店铺来源 (daily, by source), downloaded as CSV with a UTF-8 BOM.
function cnTrafficText(): string {
  const header = [
    '统计日期',
    '流量来源',
    '访客数',
    '浏览量',
    '跳失率',
    '人均浏览量',
    '平均停留时长',
    '加购人数',
    '下单买家数',
    '支付买家数',
    '支付转化率',
  ];
  const rows = [
    ['2025-01-06', '手淘搜索', '1,234', 3456, '45.20%', 2.8, 35.1, 150, 80, 60, '4.86%'],
    ['2025-01-06', '直通车', 560, 1200, '50.10%', 2.14, 28, 60, 30, 25, '4.46%'],
    ['2025-01-06', '淘宝客', 210, 400, '55.00%', 1.9, 20.5, 20, 10, 8, '3.81%'],
    ['2025-01-07', '手淘搜索', '1,100', 3000, '44.00%', 2.73, 33, 140, 70, 55, '5.00%'],
    ['2025-01-07', '直通车', 600, 1300, '49.00%', 2.17, 29.2, 66, 35, 28, '4.67%'],
    ['2025-01-07', '我的淘宝', 90, 150, '30.00%', 1.67, 40, 12, 6, 5, '5.56%'],
  ];
  return `\uFEFF${[csvLine(header), ...rows.map((r) => csvLine(r))].join('\r\n')}\r\n`;
}

const CANONICAL_HEADER = [
  'order_id',
  'customer_id',
  'ordered_at',
  'paid_at',
  'status',
  'order_total',
  'discount_amount',
  'shipping_amount',
  'tax_amount',
  'refund_amount',
  'currency',
  'channel',
  'campaign',
  'coupon_code',
  'region',
  'device',
];
const CANONICAL_ORDERS: (string | number)[][] = [
  [
    'A-1',
    'c1@example.com',
    '2025-02-01 09:00:00',
    '2025-02-01 09:01:00',
    'paid',
    100,
    0,
    5,
    8,
    0,
    'USD',
    'Organic Search',
    '',
    '',
    'North',
    'mobile',
  ],
  [
    'A-2',
    'C2@example.com',
    '2025-02-02 10:30:00',
    '2025-02-02 10:31:00',
    'partially_refunded',
    250.5,
    10,
    0,
    20,
    50.5,
    'USD',
    'cpc',
    'winter\nsale',
    'WINTER',
    'South',
    'desktop',
  ],
  [
    'A-3',
    'c1@example.com',
    '2025-02-03 11:00:00',
    '',
    'pending',
    75.25,
    0,
    0,
    0,
    0,
    'USD',
    'email',
    '',
    '',
    'North',
    'mobile',
  ],
  [
    'A-4',
    'c3@example.com',
    '2025-02-04 12:00:00',
    '2025-02-04 12:05:00',
    'refunded',
    40,
    0,
    0,
    0,
    40,
    'USD',
    '',
    '',
    '',
    'West',
    'tablet',
  ],
  [
    'A-5',
    'c4@example.com',
    '2025-02-05 13:00:00',
    '',
    'cancelled',
    60,
    0,
    0,
    0,
    0,
    'USD',
    'facebook_ads',
    '',
    '',
    'East',
    'desktop',
  ],
];

function asDate(text: string): Date | null {
  return text ? new Date(`${text.replace(' ', 'T')}Z`) : null;
}

async function canonicalFiles(): Promise<void> {
  const csv = `${[csvLine(CANONICAL_HEADER), ...CANONICAL_ORDERS.map((r) => csvLine(r.map((v) => (typeof v === 'number' ? v.toFixed(2) : v))))].join('\n')}\n`;
  write('canonical_orders.csv', csv);
  write('canonical_orders.csv.gz', gzipSync(Buffer.from(csv, 'utf8'), { level: 9, mtime: 0 } as never));

  const objects = CANONICAL_ORDERS.map((r) =>
    Object.fromEntries(CANONICAL_HEADER.map((h, i) => [h, r[i] === '' ? null : r[i]])),
  );
  write('canonical_orders.json', `${JSON.stringify(objects, null, 2)}\n`);
  write('canonical_orders.ndjson', `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`);

  const column = (name: string): (string | number | null)[] =>
    objects.map((o) => (o[name] ?? null) as string | number | null);
  const parquet = parquetWriteBuffer({
    columnData: CANONICAL_HEADER.map((name) => {
      if (name === 'ordered_at' || name === 'paid_at')
        return { name, data: column(name).map((v) => asDate(String(v ?? ''))), type: 'TIMESTAMP' as const };
      if (['order_total', 'discount_amount', 'shipping_amount', 'tax_amount', 'refund_amount'].includes(name))
        return { name, data: column(name), type: 'DOUBLE' as const };
      return { name, data: column(name), type: 'STRING' as const };
    }),
  });
  write('canonical_orders.parquet', new Uint8Array(parquet));

  const sheet = [
    CANONICAL_HEADER.map((h) => ({ value: h })),
    ...CANONICAL_ORDERS.map((r) =>
      r.map((v, i) => {
        const name = CANONICAL_HEADER[i]!;
        if ((name === 'ordered_at' || name === 'paid_at') && v !== '')
          return { value: asDate(String(v))!, format: 'yyyy-mm-dd hh:mm:ss' };
        if (v === '') return null;
        return { value: v };
      }),
    ),
  ];
  write('canonical_orders.xlsx', new Uint8Array(await writeXlsxFile(sheet as never).toBuffer()));

  write(
    'canonical_order_items_semicolon.csv',
    [
      'order_id;sku;product_name;category;quantity;unit_price',
      'A-1;SKU-1;Widget;Tools;2;"45,00"',
      'A-1;SKU-2;Gadget;Tools;1;"10,00"',
      'A-2;SKU-3;Big thing;Home;1;"1.234,50"',
      'A-3;SKU-1;Widget;Tools;3;"25,08"',
      '',
    ].join('\r\n'),
  );
  write(
    'canonical_traffic.tsv',
    [
      'date\tchannel\tdevice\tcampaign\tsessions\tvisitors\tproduct_views\tadd_to_cart\tcheckouts',
      '2025-02-01\torganic_search\tmobile\t\t100\t80\t300\t20\t10',
      '2025-02-01\tpaid_search\tdesktop\tbrand\t50\t45\t120\t10\t6',
      '2025-02-02\tdirect\tmobile\t\t70\t60\t200\t15\t8',
      '',
    ].join('\n'),
  );
  const users = [
    'user_id,registered_at,channel,region,member_tier',
    'C1@Example.com,2025-01-15 08:00:00,Organic Search,North,gold',
    'c2@example.com,2025-01-20,email,South,silver',
    'c3@example.com,2025-02-01T10:00:00Z,referral,West,',
    '',
  ].join('\r\n');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(users, 'utf16le')]);
  write('canonical_users_utf16le.csv', utf16);
}

/** Canonical products and inventory (issue 13: "in every format the import already reads"), in every container but CSV. */
const OPERATIONS_CONTAINERS: { table: string; header: string[]; rows: (string | number)[][]; dates: string[]; numbers: string[] }[] = [
  {
    table: 'products',
    header: ['sku', 'product_name', 'category', 'unit_cost', 'list_price', 'role', 'lead_time_days', 'status'],
    rows: [
      ['P-1', 'Linen shirt', 'Shirts', 12.5, 39, 'star', 14, 'active'],
      ['P-2', 'Candle', 'Home', 3.2, 9.9, 'traffic', '', 'active'],
      ['P-3', 'Vase', 'Home', 20, 59, '', 21, 'discontinued'],
    ],
    dates: [],
    numbers: ['unit_cost', 'list_price', 'lead_time_days'],
  },
  {
    table: 'inventory',
    header: ['date', 'sku', 'on_hand', 'on_order', 'location'],
    rows: [
      ['2025-02-01', 'P-1', 40, 10, 'A'],
      ['2025-02-01', 'P-1', 5, 0, 'B'],
      ['2025-02-01', 'P-2', -3, 20, 'A'],
      ['2025-02-02', 'P-3', 12, '', 'A'],
    ],
    dates: ['date'],
    numbers: ['on_hand', 'on_order'],
  },
];

async function operationsContainers(): Promise<void> {
  for (const { table, header, rows, dates, numbers } of OPERATIONS_CONTAINERS) {
    const objects = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])));
    write(`canonical_${table}.json`, `${JSON.stringify(objects, null, 2)}\n`);
    write(`canonical_${table}.ndjson`, `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`);
    const column = (name: string) => objects.map((o) => (o[name] ?? null) as string | number | null);
    const parquet = parquetWriteBuffer({
      columnData: header.map((name) => {
        if (dates.includes(name)) return { name, data: column(name).map((v) => asDate(String(v ?? ''))), type: 'TIMESTAMP' as const };
        if (numbers.includes(name)) return { name, data: column(name), type: 'DOUBLE' as const };
        return { name, data: column(name), type: 'STRING' as const };
      }),
    });
    write(`canonical_${table}.parquet`, new Uint8Array(parquet));
    const sheet = [
      header.map((h) => ({ value: h })),
      ...rows.map((r) =>
        r.map((v, i) => {
          if (v === '') return null;
          return dates.includes(header[i]!) ? { value: asDate(String(v))!, format: 'yyyy-mm-dd' } : { value: v };
        }),
      ),
    ];
    write(`canonical_${table}.xlsx`, new Uint8Array(await writeXlsxFile(sheet as never).toBuffer()));
  }
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  write('shopify_orders_export.csv', shopifyRows());
  write('woocommerce_orders_export.csv', wooRows());
  write('taobao_orders_gbk.csv', encodeGbk(taobaoRows()));
  write('ga4_traffic_acquisition.csv', ga4Text());
  write('cn_traffic_sycm.csv', cnTrafficText());
  await canonicalFiles();
  await operationsContainers();
}

await main();
