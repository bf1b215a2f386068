import type { SeededRandom } from './seeded-random.js';

/**
 * Common Chinese surnames with rough population weights (per mille, after the 2020 census
 * ranking: 王, 李, 张, 刘, 陈 each hold around 5–7 %), plus a few compound surnames.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 52],
  ['杨', 31],
  ['黄', 25],
  ['赵', 20],
  ['吴', 19],
  ['周', 19],
  ['徐', 14],
  ['孙', 13],
  ['马', 13],
  ['朱', 12],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 7],
  ['唐', 7],
  ['许', 6],
  ['韩', 6],
  ['邓', 6],
  ['冯', 6],
  ['曹', 6],
  ['彭', 6],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['潘', 4],
  ['袁', 4],
  ['蔡', 4],
  ['蒋', 4],
  ['余', 4],
  ['于', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['卢', 3],
  ['姚', 3],
  ['沈', 3],
  ['钟', 3],
  ['姜', 3],
  ['崔', 3],
  ['谭', 3],
  ['陆', 3],
  ['范', 2],
  ['汪', 2],
  ['廖', 2],
  ['石', 2],
  ['金', 2],
  ['韦', 2],
  ['贾', 2],
  ['夏', 2],
  ['付', 2],
  ['方', 2],
  ['邹', 2],
  ['熊', 2],
  ['白', 2],
  ['孟', 2],
  ['秦', 2],
  ['邱', 2],
  ['侯', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['龙', 2],
  ['黎', 2],
  ['史', 2],
  ['陶', 2],
  ['贺', 2],
  ['毛', 1],
  ['郝', 1],
  ['顾', 1],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['覃', 1],
  ['武', 1],
  ['钱', 1],
  ['戴', 1],
  ['严', 1],
  ['莫', 1],
  ['孔', 1],
  ['欧阳', 1],
  ['司马', 1],
  ['上官', 1],
  ['诸葛', 1],
];

const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国峰亮成志东文博晨'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀英华慧巧美玲燕萍红琳雪梅倩婷颖琪佳欣怡悦璐瑶洁露晶蕾薇雯'];
const NEUTRAL_CHARS = [...'子一思嘉晓天雨春文明海云心安宏俊新泽若'];

/** Cumulative weights for a binary search (about 7 comparisons per draw). */
const CUMULATIVE: readonly number[] = (() => {
  let total = 0;
  return SURNAMES.map(([, weight]) => {
    total += weight;
    return total;
  });
})();
const TOTAL = CUMULATIVE[CUMULATIVE.length - 1] as number;

/** A surname drawn by weight. */
export function pickSurname(random: SeededRandom): string {
  const target = random.nextInt(TOTAL);
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((CUMULATIVE[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return (SURNAMES[lo] as readonly [string, number])[0];
}

/** A given name of one (about 30 %) or two characters, leaning to the sex's usual characters. */
export function pickGivenName(random: SeededRandom, sex: 1 | 2): string {
  const own = sex === 1 ? MALE_CHARS : FEMALE_CHARS;
  const one = (): string => (random.chance(0.8) ? random.pick(own) : random.pick(NEUTRAL_CHARS));
  if (random.chance(0.3)) return random.pick(own);
  let second = one();
  const first = one();
  while (second === first && random.chance(0.7)) second = one();
  return first + second;
}
