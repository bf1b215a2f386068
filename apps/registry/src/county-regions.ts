import { findProvinceCode } from '@zhengzhao/core';

/**
 * A small table of real county-level administrative divisions (GB/T 2260 six-digit codes,
 * districts of prefecture-level cities and county-level cities) for the provinces the
 * simulator populates. The codes are real; the table is a sample, not the full list.
 */
export interface CountyRegion {
  /** Six-digit GB/T 2260 code: the first six digits of a GB 11643 number registered there. */
  readonly code: string;
  /** Prefecture-level city (地级市) or municipality, zh-CN. */
  readonly city: string;
  /** District (市辖区) or county-level city (县级市), zh-CN. */
  readonly district: string;
}

const TABLE: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  '11': [
    ['110101', '北京市', '东城区'],
    ['110102', '北京市', '西城区'],
    ['110105', '北京市', '朝阳区'],
    ['110106', '北京市', '丰台区'],
    ['110107', '北京市', '石景山区'],
    ['110108', '北京市', '海淀区'],
    ['110109', '北京市', '门头沟区'],
    ['110111', '北京市', '房山区'],
    ['110112', '北京市', '通州区'],
    ['110113', '北京市', '顺义区'],
    ['110114', '北京市', '昌平区'],
    ['110115', '北京市', '大兴区'],
  ],
  '31': [
    ['310101', '上海市', '黄浦区'],
    ['310104', '上海市', '徐汇区'],
    ['310105', '上海市', '长宁区'],
    ['310106', '上海市', '静安区'],
    ['310107', '上海市', '普陀区'],
    ['310109', '上海市', '虹口区'],
    ['310110', '上海市', '杨浦区'],
    ['310112', '上海市', '闵行区'],
    ['310115', '上海市', '浦东新区'],
  ],
  '33': [
    ['330102', '杭州市', '上城区'],
    ['330105', '杭州市', '拱墅区'],
    ['330106', '杭州市', '西湖区'],
    ['330108', '杭州市', '滨江区'],
    ['330109', '杭州市', '萧山区'],
    ['330110', '杭州市', '余杭区'],
    ['330203', '宁波市', '海曙区'],
    ['330206', '宁波市', '北仑区'],
    ['330212', '宁波市', '鄞州区'],
    ['330302', '温州市', '鹿城区'],
    ['330304', '温州市', '瓯海区'],
    ['330402', '嘉兴市', '南湖区'],
    ['330602', '绍兴市', '越城区'],
    ['330702', '金华市', '婺城区'],
    ['330782', '金华市', '义乌市'],
    ['331002', '台州市', '椒江区'],
  ],
  '44': [
    ['440103', '广州市', '荔湾区'],
    ['440104', '广州市', '越秀区'],
    ['440105', '广州市', '海珠区'],
    ['440106', '广州市', '天河区'],
    ['440111', '广州市', '白云区'],
    ['440112', '广州市', '黄埔区'],
    ['440113', '广州市', '番禺区'],
    ['440303', '深圳市', '罗湖区'],
    ['440304', '深圳市', '福田区'],
    ['440305', '深圳市', '南山区'],
    ['440306', '深圳市', '宝安区'],
    ['440307', '深圳市', '龙岗区'],
    ['440402', '珠海市', '香洲区'],
    ['440511', '汕头市', '金平区'],
    ['440604', '佛山市', '禅城区'],
    ['440605', '佛山市', '南海区'],
    ['440606', '佛山市', '顺德区'],
    ['440703', '江门市', '蓬江区'],
    ['441302', '惠州市', '惠城区'],
  ],
};

const BY_PROVINCE: ReadonlyMap<string, readonly CountyRegion[]> = new Map(
  Object.entries(TABLE).map(([province, rows]) => [
    province,
    rows.map(([code, city, district]) => ({ code, city, district })),
  ]),
);
const BY_CODE: ReadonlyMap<string, CountyRegion> = new Map(
  [...BY_PROVINCE.values()].flat().map((region) => [region.code, region]),
);

/** The province codes the simulator can populate ("11", "31", "33", "44"). */
export const SIMULATED_PROVINCES: readonly string[] = [...BY_PROVINCE.keys()];

/** The county regions of a simulated province, or undefined. */
export function countiesOfProvince(provinceCode: string): readonly CountyRegion[] | undefined {
  return BY_PROVINCE.get(provinceCode);
}

/** The county region with this six-digit code, or undefined when it is not in the table. */
export function findCountyRegion(code: string): CountyRegion | undefined {
  return BY_CODE.get(code);
}

/**
 * The public-security organ that issues cards for a region (居民身份证法 第八条: the county-level
 * public-security organ where the household is registered): a district's branch bureau of the
 * city bureau ("广州市公安局天河分局", "上海市公安局浦东分局"), or a county-level city's own bureau
 * ("义乌市公安局").
 */
export function issuingAuthorityOf(region: Pick<CountyRegion, 'city' | 'district'>): string {
  const { city, district } = region;
  if (district.endsWith('市') || district.endsWith('县')) return `${district}公安局`;
  const stem = district.endsWith('新区') ? district.slice(0, -2) : district.replace(/区$/, '');
  return `${city}公安局${stem}分局`;
}

/** The zh-CN province name, e.g. "广东省" (from the core catalog). */
export function provinceNameOf(provinceCode: string): string | undefined {
  return findProvinceCode(provinceCode)?.zhCN;
}
