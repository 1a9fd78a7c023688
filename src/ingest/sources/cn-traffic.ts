import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

/**
 * A traffic export with Chinese headers (生意参谋 / 店铺后台 流量报表): 日期 or 统计日期,
 * 访客数 (visitors), 浏览量 (page views), 加购人数, 下单买家数, optionally 流量来源 and
 * 终端. These reports count visitors, not sessions: 访客数 stands in for sessions unless a
 * 访问次数 column is there.
 */
function plan(h: HeaderIndex): SourcePlan {
  return {
    source: 'cn_traffic',
    table: 'traffic',
    fields: {
      date: h.first('日期', '统计日期'),
      channel: h.first('流量来源', '来源', '渠道', '一级来源'),
      device: h.first('终端', '终端类型', '设备'),
      campaign: h.first('推广计划', '活动'),
      sessions: h.first('访问次数', '会话数', '访客数'),
      visitors: h.text('访客数'),
      product_views: h.first('商品浏览量', '浏览量'),
      add_to_cart: h.first('加购人数', '加购件数'),
      checkouts: h.first('下单买家数', '下单人数'),
    },
  };
}

export const CN_TRAFFIC: SourceDefinition = {
  id: 'cn_traffic',
  table: 'traffic',
  recognises: (h) => (h.has('日期') || h.has('统计日期')) && h.has('访客数'),
  plan,
};
