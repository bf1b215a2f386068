/**
 * Province-level administrative division codes (GB/T 2260): the first two digits of a GB 11643
 * citizen identity number and of every six-digit region code. 34 entries: 31 mainland
 * provinces, autonomous regions and municipalities, plus 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
export interface ProvinceCode {
  readonly code: string;
  readonly zhCN: string;
  readonly en: string;
}

export const PROVINCE_CODES: readonly ProvinceCode[] = [
  { code: '11', zhCN: '北京市', en: 'Beijing' },
  { code: '12', zhCN: '天津市', en: 'Tianjin' },
  { code: '13', zhCN: '河北省', en: 'Hebei' },
  { code: '14', zhCN: '山西省', en: 'Shanxi' },
  { code: '15', zhCN: '内蒙古自治区', en: 'Inner Mongolia' },
  { code: '21', zhCN: '辽宁省', en: 'Liaoning' },
  { code: '22', zhCN: '吉林省', en: 'Jilin' },
  { code: '23', zhCN: '黑龙江省', en: 'Heilongjiang' },
  { code: '31', zhCN: '上海市', en: 'Shanghai' },
  { code: '32', zhCN: '江苏省', en: 'Jiangsu' },
  { code: '33', zhCN: '浙江省', en: 'Zhejiang' },
  { code: '34', zhCN: '安徽省', en: 'Anhui' },
  { code: '35', zhCN: '福建省', en: 'Fujian' },
  { code: '36', zhCN: '江西省', en: 'Jiangxi' },
  { code: '37', zhCN: '山东省', en: 'Shandong' },
  { code: '41', zhCN: '河南省', en: 'Henan' },
  { code: '42', zhCN: '湖北省', en: 'Hubei' },
  { code: '43', zhCN: '湖南省', en: 'Hunan' },
  { code: '44', zhCN: '广东省', en: 'Guangdong' },
  { code: '45', zhCN: '广西壮族自治区', en: 'Guangxi' },
  { code: '46', zhCN: '海南省', en: 'Hainan' },
  { code: '50', zhCN: '重庆市', en: 'Chongqing' },
  { code: '51', zhCN: '四川省', en: 'Sichuan' },
  { code: '52', zhCN: '贵州省', en: 'Guizhou' },
  { code: '53', zhCN: '云南省', en: 'Yunnan' },
  { code: '54', zhCN: '西藏自治区', en: 'Xizang (Tibet)' },
  { code: '61', zhCN: '陕西省', en: 'Shaanxi' },
  { code: '62', zhCN: '甘肃省', en: 'Gansu' },
  { code: '63', zhCN: '青海省', en: 'Qinghai' },
  { code: '64', zhCN: '宁夏回族自治区', en: 'Ningxia' },
  { code: '65', zhCN: '新疆维吾尔自治区', en: 'Xinjiang' },
  { code: '71', zhCN: '台湾省', en: 'Taiwan' },
  { code: '81', zhCN: '香港特别行政区', en: 'Hong Kong' },
  { code: '82', zhCN: '澳门特别行政区', en: 'Macao' },
];

const BY_CODE: ReadonlyMap<string, ProvinceCode> = new Map(PROVINCE_CODES.map((entry) => [entry.code, entry]));

/** The province-level entry for a two-digit code, or undefined. */
export function findProvinceCode(code: string): ProvinceCode | undefined {
  return BY_CODE.get(code);
}
