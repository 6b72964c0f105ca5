// Sandbox tokens for the explorer and the start-up banner: one per kind of user, signed with
// the configured HS256 secret. Never used when the hub verifies tokens with a public key.
import type { PrismaClient } from '../generated/prisma/client';
import { signToken } from './jwt';
import type { Role } from './principal';

export interface DemoToken {
  label: string;
  dept: string;
  role: Role;
  token: string;
}

const DEMO_USERS: ReadonlyArray<{ dept: string; role: Role; label: string }> = [
  { dept: 'LH-GH', role: 'OFFICER', label: '观湖街道执法队员 officer' },
  { dept: 'LH-MZ', role: 'OFFICER', label: '民治街道执法队员 officer' },
  { dept: 'LH-GH', role: 'TRANSFER_OFFICER', label: '观湖街道移送专员 transfer officer' },
  { dept: 'LH-CGJ', role: 'SUPERVISOR', label: '区城管局监督 supervisor' },
  { dept: 'LH-CGJ', role: 'OFFICER', label: '区城管局法制审核 legal reviewer' },
  { dept: 'LH-SCJG', role: 'PARTNER', label: '市场监管 partner department' },
  { dept: 'LH-12345', role: 'HOTLINE', label: '12345 热线 hotline' },
  { dept: 'LH-CGJ', role: 'AUDITOR', label: '审计 auditor' },
  { dept: 'LH-CGJ', role: 'ADMIN', label: '管理员 admin' },
];

export async function demoTokens(prisma: PrismaClient, secret: string, expiresIn = '12h'): Promise<DemoToken[]> {
  const out: DemoToken[] = [];
  for (const user of DEMO_USERS) {
    const officer = await prisma.officer.findFirst({ where: { department: { is: { code: user.dept } } }, orderBy: { badgeNo: 'asc' } });
    const sub = officer?.badgeNo ?? `demo-${user.dept}-${user.role.toLowerCase()}`;
    const token = await signToken(secret, { sub, dept: user.dept, roles: [user.role] }, { expiresIn });
    out.push({ label: `${user.label} (${user.dept}, ${user.role})`, dept: user.dept, role: user.role, token });
  }
  return out;
}
