// The credit platform takes fineAmount / confiscatedAmount in 万元 with exactly 6 decimals, while
// everything else in the hub carries yuan with exactly 2 decimals. yuan / 10,000 is exact at
// 6 decimals, so the conversion is a shift of the decimal point done on the digits — no floats.

const YUAN = /^(0|[1-9][0-9]{0,12})\.([0-9]{2})$/;
const WAN = /^([0-9]{1,12})\.([0-9]{6})$/;

/** "5000.00" → "0.500000". Input must be a contract yuan amount (`^(0|[1-9][0-9]{0,12})\.[0-9]{2}$`). */
export function yuanToWan(yuan: string): string {
  const m = YUAN.exec(yuan);
  if (!m) throw new RangeError(`not a yuan amount with exactly 2 decimals: "${yuan}"`);
  // The amount in fen (1/100 yuan) is the amount in millionths of 万元.
  const fen = (m[1] + m[2]).replace(/^0+(?=\d)/, '');
  const padded = fen.padStart(7, '0');
  const integer = padded.slice(0, -6).replace(/^0+(?=\d)/, '');
  return `${integer}.${padded.slice(-6)}`;
}

/** "0.500000" → "5000.00": 1/1,000,000 万元 is 1 fen, so this is exact too. */
export function wanToYuan(wan: string): string {
  const m = WAN.exec(wan);
  if (!m) throw new RangeError(`not a 万元 amount with exactly 6 decimals: "${wan}"`);
  const fen = (m[1] + m[2]).replace(/^0+(?=\d)/, '');
  const padded = fen.padStart(3, '0');
  return `${padded.slice(0, -2)}.${padded.slice(-2)}`;
}
