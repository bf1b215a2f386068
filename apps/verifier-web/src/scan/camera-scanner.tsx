import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslator } from '../i18n/locale-context.js';
import { sharedQrDecoder } from './create-qr-decoder.js';

/** A code found in a camera frame, with the moment that frame was shown (performance.now() time). */
export interface CameraScan {
  readonly text: string;
  readonly frameAt: number;
}

export interface CameraScannerProps {
  readonly onScan: (scan: CameraScan) => void;
  /** True while a verification runs: frames are not decoded then, leaving the CPU to it. */
  readonly paused: boolean;
}

/** A code that stays in view is reported once; after this long out of view it counts as new. */
const SAME_CODE_GAP_MS = 3000;
/** Largest frame side given to jsqr: enough for a version-20 code filling a third of the frame. */
const MAX_FRAME_SIDE = 960;

type CameraState =
  | { readonly kind: 'off' }
  | { readonly kind: 'on' }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * The camera scanner: `getUserMedia` (rear camera preferred), then every new video frame
 * (`requestVideoFrameCallback`, else animation frames) is decoded — in a worker — unless the
 * previous one is still being decoded or a verification is running, so decoding never queues up
 * behind the camera nor slows the verdict down. It starts by itself when
 * camera permission was already granted, otherwise on the button (a user gesture).
 */
export function CameraScanner({ onScan, paused }: CameraScannerProps) {
  const { t } = useTranslator();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const startingRef = useRef(false);
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const [state, setState] = useState<CameraState>({ kind: 'off' });

  const stop = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ kind: 'off' });
  }, []);

  const start = useCallback(async () => {
    // One start at a time: the automatic start and a click may race.
    if (streamRef.current || startingRef.current) return;
    startingRef.current = true;
    let stream: MediaStream | undefined;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no mediaDevices', 'NotFoundError');
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      const video = videoRef.current;
      if (!video) throw new DOMException('unmounted', 'AbortError');
      streamRef.current = stream;
      video.srcObject = stream;
      await video.play();
      setState({ kind: 'on' });
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      const reason =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? t('scan.camera.denied')
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('scan.camera.missing')
            : name || 'error';
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (streamRef.current === stream) streamRef.current = null;
      if (name !== 'AbortError') setState({ kind: 'error', reason });
    } finally {
      startingRef.current = false;
    }
  }, [t]);

  // Start by itself when the permission is already there (a counter reopens the app every day).
  useEffect(() => {
    let cancelled = false;
    navigator.permissions
      ?.query({ name: 'camera' as PermissionName })
      .then((status) => {
        if (!cancelled && status.state === 'granted') void start();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [start]);

  useEffect(() => stop, [stop]);

  // Start the decoder (its worker, warmed up) now, not when the first frame arrives.
  useEffect(() => {
    sharedQrDecoder();
  }, []);

  // The frame loop, while the camera is on.
  useEffect(() => {
    if (state.kind !== 'on') return;
    const video = videoRef.current;
    if (!video) return;
    const decoder = sharedQrDecoder();
    let running = true;
    let busy = false;
    let handle = 0;
    let last: { text: string; seenAt: number } | undefined;

    const onFrame = (now: number, presentedAt?: number) => {
      if (!running) return;
      schedule();
      if (busy || pausedRef.current || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      busy = true;
      const frameAt = presentedAt !== undefined && presentedAt <= now ? presentedAt : now;
      decoder
        .decode(video, video.videoWidth, video.videoHeight, { maxSide: MAX_FRAME_SIDE, inversion: 'dontInvert' })
        .then((text) => {
          if (!running || text === undefined || text.length === 0) return;
          const seenAt = performance.now();
          performance.measure('zz:frame-to-decoded', { start: frameAt, end: seenAt });
          const repeat = last !== undefined && last.text === text && seenAt - last.seenAt < SAME_CODE_GAP_MS;
          last = { text, seenAt };
          if (!repeat) onScanRef.current({ text, frameAt });
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    };
    const schedule = () => {
      if ('requestVideoFrameCallback' in video) {
        handle = video.requestVideoFrameCallback((now, metadata) => onFrame(now, metadata.presentationTime));
      } else {
        handle = requestAnimationFrame((now) => onFrame(now));
      }
    };
    schedule();
    return () => {
      running = false;
      if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(handle);
    };
  }, [state.kind]);

  return (
    <section className="camera" aria-labelledby="camera-heading">
      <h3 id="camera-heading">{t('scan.camera.heading')}</h3>
      <div className="camera-frame" hidden={state.kind !== 'on'}>
        <video ref={videoRef} id="camera-video" aria-label={t('scan.camera.videoLabel')} muted playsInline />
      </div>
      {state.kind === 'on' ? (
        <>
          <p className="hint">{t('scan.camera.hint')}</p>
          <button type="button" id="camera-stop" onClick={stop}>
            {t('scan.camera.stop')}
          </button>
        </>
      ) : (
        <button type="button" id="camera-start" onClick={() => void start()}>
          {t('scan.camera.start')}
        </button>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('scan.camera.unavailable', { reason: state.reason })}
        </p>
      )}
    </section>
  );
}
