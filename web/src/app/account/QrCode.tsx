import qrcode from 'qrcode-generator';

/** A QR code drawn as one SVG path (no inline styles or scripts, so the strict CSP holds). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.isDark(r, c)) path += `M${c + 4} ${r + 4}h1v1h-1z`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size + 8} ${size + 8}`} className="h-48 w-48" style={{ background: '#fff' }} shapeRendering="crispEdges">
      <path d={path} fill="#0f172a" />
    </svg>
  );
}
