import type { SeededRandom } from './seeded-random.js';

const ROAD_STEMS = [
  ...'中山 人民 解放 建设 和平 新华 文化 胜利 朝阳 青年 东风 学院 长江 黄河 民主 光明 团结 幸福 振兴 滨江 环城 体育 工业 科技 花园 迎宾 府前 沿江 金融 望江'.split(
    ' ',
  ),
];
const ROAD_SUFFIXES = ['路', '路', '路', '街', '大道', '东路', '西路', '南路', '北路', '中路'];

/** A plausible street line: road, house number and, for most, building and room. */
export function pickStreet(random: SeededRandom): string {
  const road = random.pick(ROAD_STEMS) + random.pick(ROAD_SUFFIXES);
  const number = random.nextRange(1, 399);
  if (random.chance(0.25)) return `${road}${number}号`;
  const building = random.nextRange(1, 30);
  const floor = random.nextRange(1, 32);
  const room = random.nextRange(1, 8);
  return `${road}${number}号${building}栋${floor}0${room}房`;
}
