// Masking of personal data (个人信息) for display to people who do not need it in full.
// Pure functions: who sees what is decided at the edge and in the services, not here.

/** 13812348000 → 138****8000; 0755-23336110 → 0755-****6110; anything else keeps only its last 2 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone === '') return phone ?? null;
  const p = phone.trim();
  if (/^1[3-9][0-9]{9}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  const landline = /^(0[0-9]{2,3})(-?)([0-9]{7,8})$/.exec(p);
  if (landline) return `${landline[1]}${landline[2]}${'*'.repeat(landline[3].length - 4)}${landline[3].slice(-4)}`;
  return p.length <= 2 ? '*'.repeat(p.length) : `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
}

/** 张三 → 张*; 欧阳娜娜 → 欧***; 阿卜杜·艾力 → 阿*****: the first character only. */
export function maskName(name: string | null | undefined): string | null {
  if (name === null || name === undefined || name === '') return name ?? null;
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 440309199001011234 → 4403**********1234 (first 4, last 4). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (id === null || id === undefined || id === '') return id ?? null;
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/** Administrative levels an address keeps when masked: the place, never the door. */
const ADDRESS_LEVELS = ['街道', '社区', '镇', '乡', '区', '县', '市', '省'];

/**
 * 深圳市龙华区观湖街道环观南路12号 → 深圳市龙华区观湖街道****: the address up to the street (街道),
 * town or district, then four stars whatever the length (the rest — road, number, room — is what
 * identifies a home). Without any of those levels only the first 3 characters are kept.
 */
export function maskAddress(address: string | null | undefined): string | null {
  if (address === null || address === undefined || address === '') return address ?? null;
  const s = address.trim();
  for (const level of ADDRESS_LEVELS) {
    const at = s.indexOf(level);
    // The first 街道/镇/区… within the first 20 characters; a later one would be part of the door.
    if (at > 0 && at < 20) {
      const kept = s.slice(0, at + level.length);
      if (kept.length < s.length) return `${kept}****`;
    }
  }
  return `${[...s].slice(0, 3).join('')}****`;
}
