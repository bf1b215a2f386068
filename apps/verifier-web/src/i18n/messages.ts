/**
 * The counter app's message catalogue: zh-CN first, English second. The zh-CN object defines the
 * keys; English must translate every one of them (the type says so), so a missing translation is
 * a type error rather than a blank label. `{name}` placeholders are filled by `formatMessage`.
 */

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const zhCN = {
  'app.title': '证照核验',
  'app.subtitle': '居民身份证电子证照 · 柜台扫码核验',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch to English',
  'app.largeText': '大字模式',
  'app.skipToInput': '跳到扫码输入',

  'purpose.legend': '业务类型',
  'purpose.hotel': '酒店入住登记',
  'purpose.hotel.hint': '旅馆业治安管理住宿登记',
  'purpose.age': '年龄核验',
  'purpose.age.hint': '烟酒销售等：只确认已满18周岁，不要姓名和号码',
  'purpose.boarding': '乘车登机',
  'purpose.boarding.hint': '火车、飞机实名乘坐',
  'purpose.internet_cafe': '网吧上网',
  'purpose.internet_cafe.hint': '实名上网登记，未成年人不得进入',
  'purpose.medical': '就医挂号（社保卡）',
  'purpose.medical.hint': '核验社会保障卡：请持卡人用手机近场出示',
  'purpose.parcel': '寄递实名',
  'purpose.parcel.hint': '寄递物品实名登记',
  'purpose.needs': '需要：{elements}',

  'scan.heading': '扫码',
  'scan.camera.heading': '摄像头扫码',
  'scan.camera.start': '打开摄像头',
  'scan.camera.stop': '关闭摄像头',
  'scan.camera.hint': '请持证人将手机上的二维码对准摄像头',
  'scan.camera.videoLabel': '摄像头画面',
  'scan.camera.unavailable': '无法打开摄像头：{reason}。可改用上传图片或扫码枪。',
  'scan.camera.denied': '未获得摄像头权限',
  'scan.camera.missing': '本机没有可用的摄像头',
  'scan.upload.label': '上传二维码图片',
  'scan.upload.none': '图片中未找到二维码',
  'scan.upload.unreadable': '无法读取这张图片',
  'scan.text.label': '扫码枪输入或粘贴二维码内容',
  'scan.text.hint': '扫码枪扫描后会自动提交（回车）',
  'scan.text.submit': '核验',

  'verdict.idle': '等待扫码',
  'verdict.verifying': '正在核验…',
  'verdict.pass': '核验通过',
  'verdict.fail': '核验未通过',
  'verdict.insufficient': '证照有效，但不满足本业务要求',
  'verdict.reason': '原因：{reason}',
  'verdict.next': '下一位',

  'foreign.url': '这是网址二维码，不是电子证照',
  'foreign.payment': '这是付款码或收款码，不是电子证照',
  'foreign.empty': '没有读到内容',

  'proximity.heading': '近距离核验（持证人手机出示“近距离核验码”时）',
  'proximity.hint': '扫描持证人手机上以 mdoc: 开头的核验码后，本机经网络中继向其手机请求：{elements}',
  'proximity.connecting': '正在连接中继服务…',
  'proximity.waiting': '请持证人在手机上查看并同意本次请求…',
  'proximity.verifying': '已收到持证人手机的应答，正在核验…',
  'proximity.cancel': '取消本次请求',
  'proximity.steps': '近距离核验进度',
  'proximity.requested': '已请求：{elements}',
  'reader.loading': '正在读取本机的读取方证书…',
  'reader.ready': '请求以「{organisation}」的名义签名（读取方认证）',
  'reader.missing': '未配置读取方证书（reader.json）：请求未经签名，持证人手机很可能会拒绝',
  'reader.unreachable': '无法下载读取方证书（reader.json）：请求未经签名，持证人手机很可能会拒绝',
  'reader.invalid': '读取方证书（reader.json）无效（{code}）：请求未经签名，持证人手机很可能会拒绝',

  'coverage.ok': '已满足「{purpose}」所需信息',
  'coverage.missing': '缺少「{purpose}」所需信息：{elements}',
  'coverage.underage': '持证人未满18周岁',
  'coverage.wrongType': '此证照不是居民身份证，不能用于「{purpose}」',
  'coverage.adult': '已满18周岁',

  'result.heading': '核验结果',
  'result.portrait': '照片',
  'result.portraitAlt': '证照上经签名的持证人照片',
  'result.data': '出示的信息',
  'result.noData': '没有可显示的信息',
  'result.issuer': '签发机构',
  'result.trustAnchor': '信任根',
  'result.type': '证照类型',
  'result.format': '出示方式',
  'result.checks': '逐项检查',
  'result.code': '错误代码 {code}',
  'result.elapsed': '用时 {ms} 毫秒',
  'result.readerAuth': '本机请求',
  'result.readerAuth.signed': '已签名（{organisation}）',
  'result.readerAuth.unsigned': '未签名',

  'format.zz1-qr': '离线二维码（ZZ1）',
  'format.sd-jwt-vc': 'SD-JWT VC',
  'format.mdoc-device-response': 'mdoc 设备响应',
  'format.mdoc-issuer-signed': 'mdoc 签发数据',
  'format.zz1-paper': '纸质凭证二维码（ZZ1）',

  // paper credential (ADR 0010): printed, bound to no phone
  'paper.badge': '纸质凭证',
  // guardian delegation (ADR 0011): a guardian's phone presented a ward's credential
  'delegation.badge': '由监护人代为出示',
  'delegation.guardian': '监护人：{name}（{relationship}），监护关系有效期至 {until}',
  'delegation.invalid': '监护关系核验未通过：不得代为出示',
  'paper.comparePortrait': '未绑定手机：请核对持证人面部与下方二维码中的照片（纸上印的照片不作依据）',
  'paper.compareIdCard': '未绑定手机，二维码中没有照片：请查验持证人的居民身份证原件',

  'check.trust_chain': '签发机构可信',
  'check.issuer_signature': '签发机构签名有效',
  'check.digests': '数据未被篡改',
  'check.doc_type': '证照类型与内容',
  'check.validity': '在有效期内',
  'check.status': '未被注销或挂失',
  'check.device_binding': '由持证人本人手机出示',
  'check.freshness': '二维码实时生成',
  'check.reader_scope': '请求范围',
  'outcome.ok': '通过',
  'outcome.failed': '未通过',
  'outcome.skipped': '未检查',

  'value.male': '男',
  'value.female': '女',
  'value.yes': '是',
  'value.no': '否',
  'value.longTerm': '长期',

  'cache.heading': '信任列表与状态列表',
  'cache.trustAge': '信任列表：{age}',
  'cache.trustListVersion': '全国信任列表第 {sequence} 版，有效至 {expires}',
  'cache.statusAge': '状态列表：{age}',
  'cache.age': '{age}前更新',
  'cache.never': '尚未下载',
  'cache.stale': '数据已过期：请联网后点击“刷新”，否则可能无法发现已注销的证照',
  'cache.refresh': '刷新',
  'cache.refreshing': '正在刷新…',
  'cache.refreshed': '已刷新',
  'cache.refreshFailed': '刷新失败（可能离线），继续使用本机缓存',
  'cache.loadFailed': '无法加载信任列表：{reason}',
  'cache.offline': '离线',
  'cache.online': '在线',
  'cache.source': '来源：{url}',

  'age.seconds': '{n}秒',
  'age.minutes': '{n}分钟',
  'age.hours': '{n}小时',
  'age.days': '{n}天',
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.title': 'E-ID check',
  'app.subtitle': 'Electronic resident ID · counter verification',
  'app.switchLanguage': '中文',
  'app.switchLanguageLabel': '切换到中文',
  'app.largeText': 'Large text',
  'app.skipToInput': 'Skip to scanner input',

  'purpose.legend': 'Purpose',
  'purpose.hotel': 'Hotel check-in',
  'purpose.hotel.hint': 'The lodging register kept for the police',
  'purpose.age': 'Age check',
  'purpose.age.hint': 'Tobacco, alcohol: only proof of being 18 or over, no name, no number',
  'purpose.boarding': 'Boarding',
  'purpose.boarding.hint': 'Trains and flights in one’s own name',
  'purpose.internet_cafe': 'Internet café',
  'purpose.internet_cafe.hint': 'Real-name registration; no minors',
  'purpose.medical': 'Hospital registration (social security card)',
  'purpose.medical.hint':
    'Checks the social security card: the holder presents it from the phone in a proximity session',
  'purpose.parcel': 'Sending a parcel',
  'purpose.parcel.hint': 'Real-name register of parcel senders',
  'purpose.needs': 'Needs: {elements}',

  'scan.heading': 'Scan',
  'scan.camera.heading': 'Camera',
  'scan.camera.start': 'Start camera',
  'scan.camera.stop': 'Stop camera',
  'scan.camera.hint': 'Ask the holder to hold the QR code on the phone in front of the camera',
  'scan.camera.videoLabel': 'Camera picture',
  'scan.camera.unavailable': 'The camera cannot be used: {reason}. Upload an image or use a scanner instead.',
  'scan.camera.denied': 'permission was refused',
  'scan.camera.missing': 'there is no camera',
  'scan.upload.label': 'Upload a QR code image',
  'scan.upload.none': 'No QR code was found in the image',
  'scan.upload.unreadable': 'The image cannot be read',
  'scan.text.label': 'Scanner input, or paste the QR text',
  'scan.text.hint': 'A USB scanner submits by itself (Enter)',
  'scan.text.submit': 'Verify',

  'verdict.idle': 'Waiting for a QR code',
  'verdict.verifying': 'Verifying…',
  'verdict.pass': 'Verified',
  'verdict.fail': 'Not verified',
  'verdict.insufficient': 'Valid, but not enough for this purpose',
  'verdict.reason': 'Reason: {reason}',
  'verdict.next': 'Next person',

  'foreign.url': 'This QR code is a web link, not an e-ID',
  'foreign.payment': 'This is a payment code, not an e-ID',
  'foreign.empty': 'Nothing was read',

  'proximity.heading': 'Proximity check (when the holder shows a proximity code)',
  'proximity.hint':
    'After scanning the code starting with mdoc: on the holder’s phone, this device asks that phone through a relay for: {elements}',
  'proximity.connecting': 'Connecting to the relay…',
  'proximity.waiting': 'Waiting for the holder to review and approve the request on the phone…',
  'proximity.verifying': 'The holder’s phone answered; verifying…',
  'proximity.cancel': 'Cancel this request',
  'proximity.steps': 'Proximity check progress',
  'proximity.requested': 'Requested: {elements}',
  'reader.loading': 'Loading this counter’s reader certificate…',
  'reader.ready': 'Requests are signed as “{organisation}” (reader authentication)',
  'reader.missing':
    'No reader certificate (reader.json): requests are unsigned and the holder’s wallet will likely refuse them',
  'reader.unreachable':
    'The reader certificate (reader.json) could not be downloaded: requests are unsigned and the holder’s wallet will likely refuse them',
  'reader.invalid':
    'The reader certificate (reader.json) is not valid ({code}): requests are unsigned and the holder’s wallet will likely refuse them',

  'coverage.ok': 'Everything “{purpose}” needs was presented',
  'coverage.missing': '“{purpose}” also needs: {elements}',
  'coverage.underage': 'The holder is under 18',
  'coverage.wrongType': 'This is not a resident ID card, so it cannot be used for “{purpose}”',
  'coverage.adult': '18 or over',

  'result.heading': 'Result',
  'result.portrait': 'Portrait',
  'result.portraitAlt': 'The holder’s portrait, signed by the issuer',
  'result.data': 'Presented data',
  'result.noData': 'No data to show',
  'result.issuer': 'Issuer',
  'result.trustAnchor': 'Trust anchor',
  'result.type': 'Credential type',
  'result.format': 'Presented as',
  'result.checks': 'Checks',
  'result.code': 'Error code {code}',
  'result.elapsed': 'took {ms} ms',
  'result.readerAuth': 'This device’s request',
  'result.readerAuth.signed': 'signed ({organisation})',
  'result.readerAuth.unsigned': 'unsigned',

  'format.zz1-qr': 'Offline QR (ZZ1)',
  'format.sd-jwt-vc': 'SD-JWT VC',
  'format.mdoc-device-response': 'mdoc DeviceResponse',
  'format.mdoc-issuer-signed': 'mdoc IssuerSigned',
  'format.zz1-paper': 'Paper credential QR (ZZ1)',

  'paper.badge': 'Paper credential',
  'delegation.badge': 'Presented by a guardian',
  'delegation.guardian': 'Guardian: {name} ({relationship}); the delegation is valid until {until}',
  'delegation.invalid': 'The guardianship did not verify: the credential may not be presented on the ward’s behalf',
  'paper.comparePortrait':
    'Not bound to a phone: compare the holder’s face with the portrait from the QR code below (a photo printed on the paper does not count)',
  'paper.compareIdCard':
    'Not bound to a phone and the QR code holds no portrait: check the holder’s identity card itself',

  'check.trust_chain': 'Issuer is trusted',
  'check.issuer_signature': 'Issuer signature is valid',
  'check.digests': 'Data not altered',
  'check.doc_type': 'Credential type and content',
  'check.validity': 'Within its validity period',
  'check.status': 'Not revoked or suspended',
  'check.device_binding': 'Presented by the holder’s own phone',
  'check.freshness': 'QR code made just now',
  'check.reader_scope': 'Request scope',
  'outcome.ok': 'passed',
  'outcome.failed': 'failed',
  'outcome.skipped': 'not checked',

  'value.male': 'Male',
  'value.female': 'Female',
  'value.yes': 'Yes',
  'value.no': 'No',
  'value.longTerm': 'Long-term',

  'cache.heading': 'Trust list and status lists',
  'cache.trustAge': 'Trust list: {age}',
  'cache.trustListVersion': 'National trust list no. {sequence}, valid until {expires}',
  'cache.statusAge': 'Status lists: {age}',
  'cache.age': 'updated {age} ago',
  'cache.never': 'not downloaded yet',
  'cache.stale': 'The data is out of date: connect and press “Refresh”, or revoked credentials may go unnoticed',
  'cache.refresh': 'Refresh',
  'cache.refreshing': 'Refreshing…',
  'cache.refreshed': 'Refreshed',
  'cache.refreshFailed': 'Refresh failed (offline?); the copy on this device is still used',
  'cache.loadFailed': 'The trust list cannot be loaded: {reason}',
  'cache.offline': 'Offline',
  'cache.online': 'Online',
  'cache.source': 'Source: {url}',

  'age.seconds': '{n} s',
  'age.minutes': '{n} min',
  'age.hours': '{n} h',
  'age.days': '{n} days',
};

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zhCN, en };

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in `locale`, with its placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return formatMessage(MESSAGES[locale][key], params);
}
