/**
 * Chinese driving-licence classes (准驾车型及代号), from 《机动车驾驶证申领和使用规定》
 * (Ministry of Public Security Order No. 162, in force 2022-04-01), annex 1, which added C6.
 *
 * `iso` is an APPROXIMATE ISO/IEC 18013-1 Annex B / Vienna Convention (1968, Annex 6) category,
 * chosen by comparing the vehicle descriptions in the order with those of the convention so that
 * an ISO reader of `driving_privileges` understands roughly what the holder may drive. The
 * Chinese class in `vehicle_classes` (namespace `cn.gov.mdl.1`) stays the authoritative value.
 * `codes` are EU harmonised restriction codes (Directive 2006/126/EC Annex I): "78" = automatic
 * transmission only. Classes with no road-vehicle equivalent (M, P) have no ISO category.
 */
export interface ChinaVehicleClass {
  readonly code: string;
  readonly zhCN: string;
  readonly en: string;
  readonly iso?: { readonly category: string; readonly codes?: readonly string[] };
}

export const CHINA_VEHICLE_CLASSES: readonly ChinaVehicleClass[] = [
  { code: 'A1', zhCN: '大型客车', en: 'Large bus', iso: { category: 'D' } },
  // "total mass over 4500 kg" road trains: heavy goods vehicle with trailer
  { code: 'A2', zhCN: '重型牵引挂车', en: 'Heavy tractor-trailer', iso: { category: 'CE' } },
  { code: 'A3', zhCN: '城市公交车', en: 'City bus', iso: { category: 'D' } },
  // up to 19 passengers: the convention's D1 (9 to 16 passengers) is the nearest
  { code: 'B1', zhCN: '中型客车', en: 'Medium bus', iso: { category: 'D1' } },
  { code: 'B2', zhCN: '大型货车', en: 'Large goods vehicle', iso: { category: 'C' } },
  { code: 'C1', zhCN: '小型汽车', en: 'Small motor vehicle', iso: { category: 'B' } },
  { code: 'C2', zhCN: '小型自动挡汽车', en: 'Small automatic vehicle', iso: { category: 'B', codes: ['78'] } },
  // low-speed goods vehicles (former four-wheel farm trucks, at most 4500 kg)
  { code: 'C3', zhCN: '低速载货汽车', en: 'Low-speed goods vehicle', iso: { category: 'C1' } },
  // three-wheeled vehicles: the convention's B1 covers motor tricycles
  { code: 'C4', zhCN: '三轮汽车', en: 'Three-wheeled vehicle', iso: { category: 'B1' } },
  {
    code: 'C5',
    zhCN: '残疾人专用小型自动挡载客汽车',
    en: 'Small automatic car for disabled drivers',
    iso: { category: 'B', codes: ['78'] },
  },
  // road trains under 4500 kg: light vehicle with trailer
  { code: 'C6', zhCN: '轻型牵引挂车', en: 'Light tractor-trailer', iso: { category: 'BE' } },
  { code: 'D', zhCN: '普通三轮摩托车', en: 'Three-wheeled motorcycle', iso: { category: 'A' } },
  { code: 'E', zhCN: '普通二轮摩托车', en: 'Two-wheeled motorcycle', iso: { category: 'A' } },
  { code: 'F', zhCN: '轻便摩托车', en: 'Moped', iso: { category: 'AM' } },
  { code: 'M', zhCN: '轮式专用机械车', en: 'Wheeled special machinery' },
  // trolleybuses carry passengers like buses
  { code: 'N', zhCN: '无轨电车', en: 'Trolleybus', iso: { category: 'D' } },
  { code: 'P', zhCN: '有轨电车', en: 'Tram' },
];

const BY_CODE: ReadonlyMap<string, ChinaVehicleClass> = new Map(CHINA_VEHICLE_CLASSES.map((c) => [c.code, c]));
const ORDER: ReadonlyMap<string, number> = new Map(CHINA_VEHICLE_CLASSES.map((c, i) => [c.code, i]));
const TOKEN = /A[1-3]|B[12]|C[1-6]|[DEFMNP]/y;

/** The class with `code` ("C1"), or undefined. */
export function findChinaVehicleClass(code: string): ChinaVehicleClass | undefined {
  return BY_CODE.get(code);
}

/**
 * Splits a printed class string such as "C1", "A2D" or "C1E" into its classes, or returns
 * undefined unless it is at most 12 characters of known classes, none repeated, in the order of
 * the table above (one set has one spelling in a signed credential). "C1E" is C1 plus E here,
 * not ISO category C1E.
 */
export function parseChinaVehicleClasses(text: string): readonly string[] | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 12) return undefined;
  const classes: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    classes.push(match[0]);
  }
  for (let i = 1; i < classes.length; i++) {
    if ((ORDER.get(classes[i] as string) as number) <= (ORDER.get(classes[i - 1] as string) as number))
      return undefined;
  }
  return classes;
}
