import { computeCitizenIdCheckDigit, drivingPrivilegesForChinaClasses } from '../../src/index.js';

/** Synthetic records (no real person) for each catalog type, every element filled in. */
export const citizenId = (first17: string) => `${first17}${computeCitizenIdCheckDigit(first17)}`;
export const ID_M = citizenId('11010519900307123'); // 1990-03-07, male
export const ID_F = citizenId('31010419920815002'); // 1992-08-15, female
export const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9);

export const MDL_CLAIMS = {
  family_name: 'ZHANG',
  given_name: 'WEIMING',
  family_name_national_character: '张',
  given_name_national_character: '伟明',
  birth_date: '1990-03-07',
  sex: 1,
  nationality: 'CN',
  issue_date: '2020-05-10',
  expiry_date: '2026-05-10',
  issuing_country: 'CN',
  issuing_authority: 'Beijing Traffic Management Bureau',
  issuing_jurisdiction: 'CN-BJ',
  document_number: ID_M,
  portrait: JPEG,
  driving_privileges: drivingPrivilegesForChinaClasses('C1E', { issue_date: '2020-05-10', expiry_date: '2026-05-10' }),
  un_distinguishing_sign: 'CHN',
  age_over_18: true,
  age_over_60: false,
  vehicle_classes: 'C1E',
  first_issue_date: '2010-05-10',
  resident_address: '北京市朝阳区建国路88号',
  issuing_authority_national_character: '北京市公安局公安交通管理局',
  file_number: '110100123456',
};

export const SSCARD_CLAIMS = {
  full_name: '张伟明',
  social_security_number: ID_M,
  document_number: 'A12345678',
  bank_card_number: '6214830100012345',
  portrait: JPEG,
  issuing_region_code: '110000',
  issuing_authority: '北京市人力资源和社会保障局',
  issue_date: '2021-03-01',
  expiry_date: '2031-03-01',
};

export const DEGREE_CLAIMS = {
  full_name: '张伟明',
  sex: 1,
  birth_date: '1990-03-07',
  id_number: ID_M,
  portrait: JPEG,
  degree_level: '学士',
  degree_name: '工学学士学位',
  discipline: '工学',
  major: '计算机科学与技术',
  document_number: '1000142012001234',
  issuing_authority: '北京大学',
  issue_date: '2012-07-01',
};

export const MARRIAGE_CLAIMS = {
  holder_party: 1,
  party_1_full_name: '张伟明',
  party_1_sex: 1,
  party_1_nationality: '中国',
  party_1_birth_date: '1990-03-07',
  party_1_id_number: ID_M,
  party_2_full_name: '李娜',
  party_2_sex: 2,
  party_2_nationality: '中国',
  party_2_birth_date: '1992-08-15',
  party_2_id_number: ID_F,
  joint_photo: JPEG,
  document_number: 'J110105-2020-001234',
  registration_date: '2020-05-20',
  issuing_authority: '北京市朝阳区民政局',
};

export const REAL_ESTATE_CLAIMS = {
  document_number: '京(2024)朝阳区不动产权第0012345号',
  right_holders: '张伟明、李娜',
  co_ownership: '共同共有',
  property_location: '北京市朝阳区建国路88号1号楼1单元101',
  unit_number: '110105001002GB00012F00010001',
  right_type: '国有建设用地使用权/房屋所有权',
  right_nature: '出让/市场化商品房',
  usage: '城镇住宅用地/住宅',
  land_area: '12034.56',
  building_area: '89.50',
  land_use_start_date: '2010-05-10',
  land_use_end_date: '2080-05-09',
  issuing_authority: '北京市规划和自然资源委员会',
  issue_date: '2024-01-15',
};

export const HUKOU_CLAIMS = {
  household_number: '110105012345',
  household_kind: '家庭户',
  household_head_name: '张伟明',
  resident_address: '北京市朝阳区建国路88号1号楼1单元101',
  relationship_to_head: '户主',
  full_name: '张伟明',
  former_name: '张伟',
  sex: 1,
  ethnicity: '01',
  birth_date: '1990-03-07',
  birth_place: '北京市朝阳区',
  native_place: '山东省济南市',
  id_number: ID_M,
  education_level: '大学本科',
  marital_status: '20',
  military_service_status: '未服兵役',
  occupation: '工程技术人员',
  employer: '北京某科技有限公司',
  issuing_authority: '北京市公安局朝阳分局建国门外派出所',
  registration_date: '2008-09-01',
};

/** Each new type with a complete record. */
export const GOOD: readonly (readonly [string, Record<string, unknown>])[] = [
  ['org.iso.18013.5.1.mDL', MDL_CLAIMS],
  ['cn.gov.sscard.1', SSCARD_CLAIMS],
  ['cn.edu.degree.1', DEGREE_CLAIMS],
  ['cn.gov.marriage.1', MARRIAGE_CLAIMS],
  ['cn.gov.realestate.1', REAL_ESTATE_CLAIMS],
  ['cn.gov.hukou.1', HUKOU_CLAIMS],
];
