// 网上移送 end to end through the real server and the platform's simulator: request, approval,
// materials, submission through the outbox, platform statuses arriving by signed callbacks, and
// the case moving to TRANSFERRED with every step in its history.
import { createHash } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
let transferOfficer: string;
let head: string;
let officer: string;

const CREATE = `mutation ($caseId: ID!, $input: CreateTransferInput!) {
  createTransfer(caseId: $caseId, input: $input) { id transferNo status missingMaterials deadlines { kind overdue metAt } }
}`;
const ATTACH = `mutation ($id: ID!, $input: TransferMaterialInput!) {
  attachTransferMaterial(transferId: $id, input: $input) { id kind sha256 size }
}`;
const APPROVE = `mutation ($id: ID!, $approve: Boolean!, $comment: String) { approveTransfer(transferId: $id, approve: $approve, comment: $comment) { id status approvedAt returnReason } }`;
const SUBMIT = `mutation ($id: ID!) { submitTransfer(transferId: $id) { id status submittedAt } }`;
const TRANSFER = `query ($id: ID!) {
  transfer(id: $id) {
    id transferNo status sequence platformTransferId receivedAt decisionDueAt detail missingMaterials
    materials { kind uploadId }
    history { status sequence }
    deliveries { topic status attempts }
    deadlines { kind dueAt metAt overdue }
    case { id stage transferredAt }
  }
}`;
const HISTORY = `query ($caseId: ID!) { caseHistory(caseId: $caseId) { seq type stageAfter payload } verifyCaseHistory(caseId: $caseId) { valid } }`;

interface TransferView {
  status: string;
  sequence: number;
  platformTransferId: string | null;
  materials: Array<{ uploadId: string | null }>;
  history: Array<{ status: string }>;
  deliveries: Array<{ topic: string; status: string; attempts: number }>;
  deadlines: Array<{ kind: string; metAt: string | null; overdue: boolean }>;
  case: { stage: string };
}

function file(kind: string, text: string) {
  const content = Buffer.from(text, 'utf8');
  return { kind, fileName: `${kind}.pdf`, contentType: 'application/pdf', contentBase64: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') };
}

async function investigatingCase(): Promise<string> {
  const taken = (globalThis as { __taken?: Set<string> }).__taken ?? new Set<string>();
  (globalThis as { __taken?: Set<string> }).__taken = taken;
  const c = await t.db.prisma.enforcementCase.findFirst({
    where: { stage: 'INVESTIGATING', department: { is: { code: 'LH-GH' } }, transfers: { none: {} }, id: { notIn: [...taken] } },
    orderBy: { caseNo: 'asc' },
  });
  if (!c) throw new Error('no seeded investigating LH-GH case left');
  taken.add(c.id);
  return c.id;
}

const simulator = () => t.hub.services.upstream.caseTransfer.simulator!;

beforeAll(async () => {
  t = await startTestHub({ env: { WORKERS_ENABLED: '0', TRANSFER_SIMULATOR_ADVANCE_MS: '0' } });
  transferOfficer = await t.token('LH-GH', 'TRANSFER_OFFICER', 'gh-transfer');
  head = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-head');
  officer = await t.token('LH-GH', 'OFFICER', 'gh-officer');
});
afterAll(() => t.stop());

describe('a transfer to public security', () => {
  it('goes from request to FILED at the platform, with the case TRANSFERRED and every step recorded', async () => {
    const caseId = await investigatingCase();
    const created = await t.gql<{ createTransfer: { id: string; status: string; missingMaterials: string[]; transferNo: string } }>(
      CREATE,
      { caseId, input: { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['非法经营罪'], facts: '当事人在许可被吊销后继续储存、销售瓶装液化石油气。', amountInvolved: '186400.00' } },
      transferOfficer,
    );
    expect(created.errors).toBeUndefined();
    const transfer = created.data!.createTransfer;
    expect(transfer.status).toBe('PENDING_APPROVAL');
    expect(transfer.transferNo).toMatch(/^深龙华观湖移〔\d{4}〕\d+号$/);
    expect(transfer.missingMaterials).toEqual(['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT']);

    // Not before approval.
    const early = await t.gql(SUBMIT, { id: transfer.id }, transferOfficer);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', stage: 'PENDING_APPROVAL' });
    // The transfer officer cannot approve it.
    const selfApproval = await t.gql(APPROVE, { id: transfer.id, approve: true }, transferOfficer);
    expect(selfApproval.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await t.gql<{ approveTransfer: { status: string } }>(APPROVE, { id: transfer.id, approve: true }, head);
    expect(approved.data!.approveTransfer.status).toBe('APPROVED');

    for (const kind of ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST']) {
      const res = await t.gql(ATTACH, { id: transfer.id, input: file(kind, `${kind} of ${transfer.transferNo}`) }, transferOfficer);
      expect(res.errors).toBeUndefined();
    }
    // Refused while the inspection report is missing, naming it; nothing changes.
    const refused = await t.gql(SUBMIT, { id: transfer.id }, transferOfficer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'MATERIALS_MISSING', missingKinds: ['INSPECTION_REPORT'] });
    expect(refused.errors?.[0]?.message).toContain('INSPECTION_REPORT');
    const still = await t.gql<{ transfer: { status: string; case: { stage: string } } }>(TRANSFER, { id: transfer.id }, transferOfficer);
    expect(still.data!.transfer).toMatchObject({ status: 'APPROVED', case: { stage: 'INVESTIGATING' } });
    expect(await t.db.prisma.outboxMessage.count({ where: { aggregateId: transfer.id } })).toBe(0);

    await t.gql(ATTACH, { id: transfer.id, input: file('INSPECTION_REPORT', '检验报告') }, transferOfficer);
    const submitted = await t.gql<{ submitTransfer: { status: string } }>(SUBMIT, { id: transfer.id }, transferOfficer);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitTransfer.status).toBe('SUBMITTED');
    let view = await t.gql<{ transfer: TransferView }>(TRANSFER, { id: transfer.id }, transferOfficer);
    expect(view.data!.transfer.case.stage).toBe('TRANSFERRED');
    expect(view.data!.transfer.deliveries).toEqual([{ topic: 'case-transfer.submit', status: 'PENDING', attempts: 0 }]);

    // The worker delivers: uploads, then one transfer at the platform.
    expect(await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) })).toBe(1);
    view = await t.gql(TRANSFER, { id: transfer.id }, transferOfficer);
    const platformId = view.data!.transfer.platformTransferId as string;
    expect(platformId).toBeTruthy();
    expect(view.data!.transfer).toMatchObject({ status: 'RECEIVED', sequence: 1 });
    expect(view.data!.transfer.materials.every((m) => m.uploadId)).toBe(true);
    expect(view.data!.transfer.deliveries[0].status).toBe('DELIVERED');
    expect(simulator().createdTransfers(transfer.transferNo)).toHaveLength(1);
    const police = view.data!.transfer.deadlines.find((d) => d.kind === 'POLICE_DECISION');
    expect(police).toMatchObject({ overdue: false, metAt: null });

    // The platform reviews and files; signed callbacks bring the statuses.
    simulator().advance(platformId, 'UNDER_REVIEW');
    simulator().advance(platformId, 'FILED');
    await simulator().callbacks.idle();
    view = await t.gql(TRANSFER, { id: transfer.id }, transferOfficer);
    expect(view.data!.transfer).toMatchObject({ status: 'FILED', sequence: 3 });
    expect(view.data!.transfer.history.map((h) => h.status)).toEqual([
      'PENDING_APPROVAL',
      'APPROVED',
      'SUBMITTED',
      'RECEIVED',
      'UNDER_REVIEW',
      'FILED',
    ]);
    expect(view.data!.transfer.deadlines.find((d) => d.kind === 'POLICE_DECISION')?.metAt).not.toBeNull();

    const history = await t.gql<{ caseHistory: Array<{ type: string; stageAfter: string; payload: Record<string, unknown> }>; verifyCaseHistory: { valid: boolean } }>(
      HISTORY,
      { caseId },
      officer,
    );
    const steps = history.data!.caseHistory.filter((e) => e.type === 'TRANSFERRED').map((e) => e.payload.step ?? e.payload.status);
    expect(steps).toEqual(expect.arrayContaining(['REQUESTED', 'APPROVED', 'MATERIAL_ATTACHED', 'SUBMITTED', 'PLATFORM_STATUS']));
    expect(history.data!.verifyCaseHistory.valid).toBe(true);
  });

  it('refuses a transfer by an ordinary officer, to a non-judicial department, or from a closed case', async () => {
    const caseId = await investigatingCase();
    const input = { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['非法经营罪'], facts: '涉嫌非法经营，数额较大，需移送公安机关。' };
    const byOfficer = await t.gql(CREATE, { caseId, input }, officer);
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongOrgan = await t.gql(CREATE, { caseId, input: { ...input, receivingDepartmentCode: 'LH-SCJG' } }, transferOfficer);
    expect(wrongOrgan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivingDepartmentCode' });
    const closed = await t.db.prisma.enforcementCase.findFirstOrThrow({ where: { stage: 'CLOSED', department: { is: { code: 'LH-GH' } } } });
    const late = await t.gql(CREATE, { caseId: closed.id, input }, transferOfficer);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', stage: 'CLOSED' });
    const first = await t.gql<{ createTransfer: { id: string } }>(CREATE, { caseId, input }, transferOfficer);
    expect(first.errors).toBeUndefined();
    const second = await t.gql(CREATE, { caseId, input }, transferOfficer);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'TRANSFER_IN_PROGRESS' });
  });

  it('records a refusal by the head with its reasons, and refuses one without reasons', async () => {
    const caseId = await investigatingCase();
    const created = await t.gql<{ createTransfer: { id: string } }>(
      CREATE,
      { caseId, input: { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['污染环境罪'], facts: '涉嫌倾倒建筑垃圾，数量待核实。' } },
      transferOfficer,
    );
    const id = created.data!.createTransfer.id;
    const bare = await t.gql(APPROVE, { id, approve: false }, head);
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const refused = await t.gql<{ approveTransfer: { status: string; returnReason: string } }>(APPROVE, { id, approve: false, comment: '证据尚不足以认定涉嫌犯罪，继续调查' }, head);
    expect(refused.data!.approveTransfer).toMatchObject({ status: 'REJECTED', returnReason: '证据尚不足以认定涉嫌犯罪，继续调查' });
  });

  it('refuses a material over the size limit or whose hash does not match, storing nothing', async () => {
    const small = await startTestHub({ env: { WORKERS_ENABLED: '0', TRANSFER_MATERIAL_MAX_BYTES: '1024' } });
    try {
      const caseId = await investigatingCase();
      const tok = await small.token('LH-GH', 'TRANSFER_OFFICER');
      const created = await small.gql<{ createTransfer: { id: string } }>(
        CREATE,
        { caseId, input: { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['非法经营罪'], facts: '材料大小限制的检查用例。' } },
        tok,
      );
      const id = created.data!.createTransfer.id;
      const big = await small.gql(ATTACH, { id, input: file('TRANSFER_LETTER', 'x'.repeat(2000)) }, tok);
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64', rule: 'MAX_SIZE' });
      const wrongHash = await small.gql(ATTACH, { id, input: { ...file('TRANSFER_LETTER', 'abc'), sha256: 'a'.repeat(64) } }, tok);
      expect(wrongHash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
      expect(await small.db.prisma.transferMaterial.count({ where: { transferId: id } })).toBe(0);
    } finally {
      await small.stop();
    }
  });
});

describe('live status over subscriptions', () => {
  let client: Client | null = null;
  afterEach(async () => {
    await client?.dispose();
    client = null;
  });

  it('pushes the transfer statuses to a subscriber of the case, in sequence', async () => {
    const caseId = await investigatingCase();
    const created = await t.gql<{ createTransfer: { id: string } }>(
      CREATE,
      { caseId, input: { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['非法经营罪'], facts: '订阅推送移送状态的检查用例。' } },
      transferOfficer,
    );
    const id = created.data!.createTransfer.id;
    const wsUrl = t.url.replace(/^http/, 'ws');
    client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${transferOfficer}` }, retryAttempts: 0 });
    const received: Array<{ status: string; sequence: string }> = [];
    const done = new Promise<void>((resolve, reject) => {
      client!.subscribe<{ transferStatusChanged: { status: string; sequence: string } }>(
        { query: `subscription ($id: ID) { transferStatusChanged(transferId: $id, since: "0") { status sequence } }`, variables: { id } },
        {
          next: (msg) => {
            if (msg.errors) reject(new Error(JSON.stringify(msg.errors)));
            received.push(msg.data!.transferStatusChanged);
            if (msg.data!.transferStatusChanged.status === 'RECEIVED') resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await t.gql(APPROVE, { id, approve: true }, head);
    for (const kind of ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT']) {
      await t.gql(ATTACH, { id, input: file(kind, `订阅 ${kind}`) }, transferOfficer);
    }
    await t.gql(SUBMIT, { id }, transferOfficer);
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    await done;
    expect(received.map((r) => r.status)).toEqual(['PENDING_APPROVAL', 'APPROVED', 'SUBMITTED', 'RECEIVED']);
    const sequences = received.map((r) => BigInt(r.sequence));
    expect([...sequences].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequences);
  });
});
