/**
 * ISO/IEC 18013-5 Annex D session values that /shared/vectors/mdoc/iso18013-5_annexD_device_response.json
 * does not carry, as transcribed in openwallet-foundation-labs/identity-credential
 * `multipaz/src/commonTest/kotlin/org/multipaz/mdoc/TestVectors.kt` (Apache-2.0; data from ISO/IEC
 * 18013-5 Annex D.3–D.5). Long ciphertexts are kept as their first bytes and their last bytes (the
 * end holds the GCM tag, which covers everything), with their length.
 */
export const ANNEX_D_SESSION = {
  eReaderKeyX: '60e3392385041f51403051f2415531cb56dd3f999c71687013aac6768bc8187e',
  eReaderKeyY: 'e58deb8fdbe907f7dd5368245551a34796f7d2215c440c339bb0f7b67beccdfa',
  eReaderKeyD: 'de3b4b9e5f72dd9b58406ae3091434da48a6f9fd010d88fcb0958e2cebec947c',
  eDeviceKeyX: '5a88d182bce5f42efa59943f33359d2e8a968ff289d93e5fa444b624343167fe',
  eDeviceKeyY: 'b16e8cf858ddc7690407ba61d4c338237a8cfcf3de6aa672fc60a557aa32fc67',
  eDeviceKeyD: 'c1917a1579949a042f1ba9fc53a2df9b1bc47adf31c10f813ed75702d1c1f136',
  /** SessionEstablishment `data`: the encrypted DEVICE_REQUEST (reader → mdoc, counter 1). */
  establishmentData: {
    length: 0x02df,
    head: '52ada2acbeb6c390f2ca0bc659b484678eb94dd45074386aadece23777b44606',
    tail: '60f11069b1965b4ffac5779a96191f89eac7caa688b9e67c',
  },
  /** SESSION_DATA = `{"data": <encrypted DEVICE_RESPONSE>}` (mdoc → reader, counter 1). */
  sessionData: {
    length: 9 + 0x0dfa,
    head: 'a16464617461590dfa46da5fb292a7880af38f2e4d9eb23ecac231ad21dfe81e3b5c21e7f3d2b5a2d',
    tail: '02943c3bc5a13ad669fd79d8e4ee5f5be82dc638ba9a1d',
  },
  sessionTermination: 'a16673746174757314',
} as const;
