import { useEffect, useState } from 'react';
import { useTranslator } from '../i18n/locale-context.js';

/**
 * The signed portrait, large, so the clerk can compare it with the face in front of them (larger
 * still for the full portrait of a proximity session than for a QR code's thumbnail). The
 * bytes become a blob: URL (the CSP allows `img-src blob:`) that is released when the result
 * goes away.
 */
export function PortraitView({ bytes, large = false }: { readonly bytes: Uint8Array; readonly large?: boolean }) {
  const { t } = useTranslator();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const blobUrl = URL.createObjectURL(new Blob([bytes.slice()], { type: 'image/jpeg' }));
    setUrl(blobUrl);
    return () => URL.revokeObjectURL(blobUrl);
  }, [bytes]);
  return (
    <figure className={large ? 'portrait large' : 'portrait'}>
      {url && <img id="portrait" src={url} alt={t('result.portraitAlt')} />}
      <figcaption>{t('result.portrait')}</figcaption>
    </figure>
  );
}
