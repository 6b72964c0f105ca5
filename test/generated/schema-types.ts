export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as ISO-8601 with an offset, e.g. 2026-03-18T09:42:10+08:00 (output in UTC, Z). */
  DateTime: { input: string; output: string; }
  /** A non-negative amount of yuan (元) as a decimal string with exactly 2 decimals on output, e.g. "2000.00". */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AddEvidenceInput = {
  collectedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 执法证号 of the collecting officer, one of the case officers */
  collectorBadgeNo: Scalars['String']['input'];
  description: Scalars['String']['input'];
  fileName?: InputMaybe<Scalars['String']['input']>;
  kind: EvidenceKind;
  /** SHA-256 of the file, 64 lower-case hex characters */
  sha256: Scalars['String']['input'];
  size?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a data-sharing agreement stands now */
export type AgreementStatus =
  /** validTo has passed */
  | 'EXPIRED'
  /** validFrom ≤ now < validTo and not revoked: the partner reads what it lists */
  | 'IN_FORCE'
  /** validFrom is still ahead: nothing is shared yet */
  | 'PENDING'
  /** Revoked by an administrator; final */
  | 'REVOKED';

/** Requests asked of the department, or asked by it */
export type AssistDirection =
  | 'INCOMING'
  | 'OUTGOING';

/** What is asked of the other department (协办事项) */
export type AssistKind =
  /** 数据调取 */
  | 'DATA_REQUEST'
  /** 专业认定 */
  | 'EXPERT_DETERMINATION'
  /** 身份核查 */
  | 'IDENTITY_CHECK'
  /** 公安现场保障 (through the public-security system) */
  | 'ONSITE_SUPPORT'
  /** 许可核验 */
  | 'PERMIT_VERIFICATION';

/** 协办: a request from one department to another about a case */
export type AssistRequest = {
  __typename?: 'AssistRequest';
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  caseId: Scalars['ID']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  declineReason?: Maybe<Scalars['String']['output']>;
  dueAt: Scalars['DateTime']['output'];
  /** Request id at public security, for on-site support */
  externalRef?: Maybe<Scalars['String']['output']>;
  /** Status at public security (SUBMITTED, ACCEPTED, DISPATCHED, COMPLETED, DECLINED) */
  externalStatus?: Maybe<Scalars['String']['output']>;
  fromDepartment: Department;
  id: Scalars['ID']['output'];
  kind: AssistKind;
  /** Still open past its due time */
  overdue: Scalars['Boolean']['output'];
  question: Scalars['String']['output'];
  repliedAt?: Maybe<Scalars['DateTime']['output']>;
  reply?: Maybe<Scalars['String']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  requestedBy: Scalars['String']['output'];
  status: AssistStatus;
  toDepartment: Department;
};

/** A co-handling request (协办) was made or changed status */
export type AssistRequestUpdate = {
  __typename?: 'AssistRequestUpdate';
  assistRequestId: Scalars['ID']['output'];
  caseId: Scalars['ID']['output'];
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  fromDepartmentCode: Scalars['String']['output'];
  kind: AssistKind;
  occurredAt: Scalars['DateTime']['output'];
  /** Position of the event in the hub’s event log; subscribe again with `since` set to it to receive what follows */
  sequence: Scalars['String']['output'];
  status: AssistStatus;
  toDepartmentCode: Scalars['String']['output'];
};

export type AssistStatus =
  /** Being handled */
  | 'ACCEPTED'
  /** Declined with a reason */
  | 'DECLINED'
  /** Answered */
  | 'REPLIED'
  /** Waiting for the other department */
  | 'REQUESTED'
  /** Withdrawn by the requester */
  | 'WITHDRAWN';

/** A record of the audit chain that does not verify */
export type AuditChainProblem = {
  __typename?: 'AuditChainProblem';
  kind: ChainProblemKind;
  message: Scalars['String']['output'];
  recordId: Scalars['ID']['output'];
};

/** One request through the hub, read or write: who, why, what, which cases and which personal data (append-only, hash-chained) */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  at: Scalars['DateTime']['output'];
  /** Ids of the cases the answer touched */
  caseIds: Array<Scalars['String']['output']>;
  /** Department code */
  dept?: Maybe<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  /** Position in the chain, from 1 */
  id: Scalars['ID']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** query, mutation, subscription, ws-connect or unknown */
  operationType: Scalars['String']['output'];
  /** OK, PARTIAL:<codes> or ERROR:<codes> */
  outcome: Scalars['String']['output'];
  /** Personal data returned in full, as Type.field (e.g. Party.phone) */
  personalFields: Array<Scalars['String']['output']>;
  prevHash: Scalars['String']['output'];
  /** 查询事由 stated with the request (X-Purpose header or purpose arguments) */
  purpose?: Maybe<Scalars['String']['output']>;
  requestId: Scalars['String']['output'];
  roles: Array<Scalars['String']['output']>;
  /** Root fields of the operation */
  rootFields: Array<Scalars['String']['output']>;
  /** Officer or system id (token sub); anonymous when refused at authentication */
  sub: Scalars['String']['output'];
};

/** A page of audit records, newest first */
export type AuditRecordConnection = {
  __typename?: 'AuditRecordConnection';
  edges: Array<AuditRecordEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditRecordEdge = {
  __typename?: 'AuditRecordEdge';
  cursor: Scalars['String']['output'];
  node: AuditRecord;
};

/** Filters for audit records; all given filters must match */
export type AuditRecordFilter = {
  /** Records that touched this case */
  caseId?: InputMaybe<Scalars['ID']['input']>;
  /** Department code */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** At or after */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Operation name, or a root field (e.g. cases) */
  operation?: InputMaybe<Scalars['String']['input']>;
  /** OK, PARTIAL or ERROR (any code), or exactly e.g. ERROR:FORBIDDEN */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** Only records that returned personal data in full */
  personalDataOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Token sub */
  sub?: InputMaybe<Scalars['String']['input']>;
  /** Before */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Result of recomputing every hash of the audit log */
export type AuditVerification = {
  __typename?: 'AuditVerification';
  /** Records checked */
  checked: Scalars['Int']['output'];
  headHash?: Maybe<Scalars['String']['output']>;
  /** The newest record; keep it with its hash elsewhere to detect a removed or re-hashed tail */
  headId?: Maybe<Scalars['ID']['output']>;
  /** Every record that does not verify (at most 100) */
  problems: Array<AuditChainProblem>;
  valid: Scalars['Boolean']['output'];
  verifiedAt: Scalars['DateTime']['output'];
};

/** A page of cases */
export type CaseConnection = {
  __typename?: 'CaseConnection';
  edges: Array<CaseEdge>;
  pageInfo: PageInfo;
  /** Cases matching the filter that the caller may see */
  totalCount: Scalars['Int']['output'];
};

/** A statutory deadline of a case */
export type CaseDeadline = {
  __typename?: 'CaseDeadline';
  dueAt: Scalars['DateTime']['output'];
  kind: CaseDeadlineKind;
  legalBasis: Scalars['String']['output'];
  /** When the step was taken; null while open */
  metAt?: Maybe<Scalars['DateTime']['output']>;
  /** Open past its due time, or met late */
  overdue: Scalars['Boolean']['output'];
  startsAt: Scalars['DateTime']['output'];
};

export type CaseDeadlineKind =
  /** 作出决定: within 90 days of filing (Art. 60) */
  | 'DECISION'
  /** 立案: decide whether to file within 15 working days of registration */
  | 'FILING'
  /** 听证申请: the party may ask for a hearing within 5 working days of notification (Art. 64) */
  | 'HEARING_REQUEST'
  /** 缴纳罚款: within 15 days of service (Art. 67) */
  | 'PAYMENT'
  /** 送达: within 7 working days of the decision (Art. 61) */
  | 'SERVICE';

/** An enforcement document (执法文书) */
export type CaseDocument = {
  __typename?: 'CaseDocument';
  /** 文书号 */
  docNo: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  kind: DocumentKind;
  title: Scalars['String']['output'];
};

export type CaseEdge = {
  __typename?: 'CaseEdge';
  cursor: Scalars['String']['output'];
  node: EnforcementCase;
};

/** One entry of the append-only, hash-chained case history */
export type CaseEvent = {
  __typename?: 'CaseEvent';
  actorDept: Scalars['String']['output'];
  actorSub: Scalars['String']['output'];
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  payload: Scalars['JSON']['output'];
  prevHash: Scalars['String']['output'];
  /** Reason given (required for corrections) */
  reason?: Maybe<Scalars['String']['output']>;
  /** 1-based position in the chain */
  seq: Scalars['Int']['output'];
  stageAfter: CaseStage;
  stageBefore?: Maybe<CaseStage>;
  type: CaseEventType;
};

/** Kind of entry in the case history */
export type CaseEventType =
  | 'ASSIST_REQUESTED'
  | 'CLOSED'
  | 'CORRECTED'
  | 'DECIDED'
  | 'DECLINED'
  | 'EVIDENCE_ADDED'
  | 'EXECUTION_RECORDED'
  | 'FILED'
  | 'HANDED_OVER'
  | 'HEARING_REQUESTED'
  | 'IDENTITY_VERIFIED'
  | 'LEGAL_REVIEWED'
  | 'PARTY_NOTIFIED'
  | 'PERMIT_CHECKED'
  | 'REGISTERED'
  | 'REVIEWED'
  | 'SERVED'
  | 'TRANSFERRED';

/** 案卷评查 checklist: every item exactly once */
export type CaseFileChecklistInput = {
  items: Array<CaseFileItemInput>;
};

export type CaseFileFinding = {
  __typename?: 'CaseFileFinding';
  deduction: Scalars['Int']['output'];
  finding?: Maybe<Scalars['String']['output']>;
  item: CaseFileItem;
  maxPoints: Scalars['Int']['output'];
};

export type CaseFileGrade =
  /** 优秀 (≥ 90) */
  | 'EXCELLENT'
  /** 不合格 (< 60): a 督办 item is raised for the handling team */
  | 'FAIL'
  /** 良好 (75–89) */
  | 'GOOD'
  /** 合格 (60–74) */
  | 'PASS';

/** 案卷评查 checklist item */
export type CaseFileItem =
  /** 文书: 处罚决定书制作规范 (10 points) */
  | 'DECISION'
  /** 证据: 证据确凿、充分、合法 (20 points) */
  | 'EVIDENCE'
  /** 执行: 执行到位、结案及时 (10 points) */
  | 'EXECUTION'
  /** 事实认定: 违法事实清楚 (20 points) */
  | 'FACTS'
  /** 归档: 卷内文件排列有序、装订规范 (5 points) */
  | 'FILE_ORDER'
  /** 法律适用: 适用依据正确、裁量适当 (15 points) */
  | 'LEGAL_BASIS'
  /** 程序: 立案、调查、告知、听证、法制审核、决定、送达合法 (20 points) */
  | 'PROCEDURE';

/** One checklist item: the points deducted and what was found */
export type CaseFileItemInput = {
  /** 0 up to the item’s points */
  deduction: Scalars['Int']['input'];
  /** Required when points are deducted */
  finding?: InputMaybe<Scalars['String']['input']>;
  item: CaseFileItem;
};

/** Filters for the case list; all given filters must match */
export type CaseFilter = {
  category?: InputMaybe<Array<PowerCategory>>;
  /** Handling department codes */
  departmentCode?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 统一社会信用代码 or 居民身份证号 of a party */
  partyCode?: InputMaybe<Scalars['String']['input']>;
  /** Registered at or after */
  registeredFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Registered before */
  registeredTo?: InputMaybe<Scalars['DateTime']['input']>;
  source?: InputMaybe<Array<CaseSource>>;
  stage?: InputMaybe<Array<CaseStage>>;
  /** Street names (街道), e.g. 观湖 */
  street?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Free text over case number, summary, facts, address and party names */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** An officer assigned to a case */
export type CaseOfficer = {
  __typename?: 'CaseOfficer';
  lead: Scalars['Boolean']['output'];
  officer: Officer;
};

/** Sort order of a case list; ties are broken by id, so pages are stable */
export type CaseOrder =
  | 'CASE_NO_ASC'
  | 'REGISTERED_AT_ASC'
  | 'REGISTERED_AT_DESC'
  | 'UPDATED_AT_DESC';

/** A party of a case and its role */
export type CaseParty = {
  __typename?: 'CaseParty';
  party: Party;
  role: PartyRole;
};

/** 案卷评查: a scored review of a closed case file */
export type CaseReview = {
  __typename?: 'CaseReview';
  caseId: Scalars['ID']['output'];
  findings: Array<CaseFileFinding>;
  grade: CaseFileGrade;
  id: Scalars['ID']['output'];
  reviewedAt: Scalars['DateTime']['output'];
  reviewer: Scalars['String']['output'];
  /** 100 minus the deductions */
  score: Scalars['Int']['output'];
};

/** Where a case came from (案件来源) */
export type CaseSource =
  /** 市民举报 */
  | 'CITIZEN_REPORT'
  /** 部门移交 */
  | 'DEPT_TRANSFER'
  /** 数字城管 */
  | 'DIGITAL_CITY'
  /** 12345 热线派单 */
  | 'HOTLINE_12345'
  /** 巡查 */
  | 'PATROL'
  /** 视频识别 */
  | 'VIDEO_DETECTION';

/** Stage of a case under 行政处罚法 (2021) */
export type CaseStage =
  /** 结案 */
  | 'CLOSED'
  /** 作出决定 (Art. 60: within 90 days of filing) */
  | 'DECIDED'
  /** 执行 (Art. 67: payment within 15 days) */
  | 'EXECUTING'
  /** 立案 */
  | 'FILED'
  /** 调查取证 */
  | 'INVESTIGATING'
  /** 法制审核 (Art. 58) */
  | 'LEGAL_REVIEW'
  /** 告知 (陈述申辩、听证权利) */
  | 'NOTIFIED'
  /** 不予立案 */
  | 'NOT_FILED'
  /** 受理 */
  | 'RECEIVED'
  /** 送达 (Art. 61: within 7 working days) */
  | 'SERVED'
  /** 移送司法机关 (Art. 27, 57) */
  | 'TRANSFERRED';

/** A committed step of a case (受理, 立案, 更正…), as pushed to subscribers */
export type CaseUpdate = {
  __typename?: 'CaseUpdate';
  caseId: Scalars['ID']['output'];
  caseNo: Scalars['String']['output'];
  /** The history entry the step wrote */
  eventType: CaseEventType;
  occurredAt: Scalars['DateTime']['output'];
  /** Position of the event in the hub’s event log; subscribe again with `since` set to it to receive what follows */
  sequence: Scalars['String']['output'];
  /** Stage after the step */
  stage: CaseStage;
  /** Version of the case after the step */
  version: Scalars['Int']['output'];
};

/** A link of the case history that does not verify */
export type ChainProblem = {
  __typename?: 'ChainProblem';
  eventId?: Maybe<Scalars['ID']['output']>;
  kind: ChainProblemKind;
  message: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
};

export type ChainProblemKind =
  /** The row content no longer matches its own hash: it was changed */
  | 'HASH_MISMATCH'
  /** The row does not link to the one before it: a row was changed, removed or inserted */
  | 'PREV_HASH_MISMATCH'
  /** A sequence number is missing or repeated */
  | 'SEQUENCE_GAP';

export type CircuitState =
  /** Calls flow normally */
  | 'CLOSED'
  /** One trial call decides whether the circuit closes again */
  | 'HALF_OPEN'
  /** Recent calls failed in a row: calls fail fast until the open period ends */
  | 'OPEN';

export type CloseCaseInput = {
  summary: Scalars['String']['input'];
};

/** Health of the connection to one external system, over the last 5 minutes */
export type ConnectorHealthReport = {
  __typename?: 'ConnectorHealthReport';
  circuit: CircuitState;
  /** Share of failed calls, 0–1 */
  errorRate: Scalars['Float']['output'];
  lastErrorAt?: Maybe<Scalars['DateTime']['output']>;
  lastErrorCode?: Maybe<Scalars['String']['output']>;
  /** remote, or simulator when no URL is configured */
  mode: Scalars['String']['output'];
  p50Ms?: Maybe<Scalars['Float']['output']>;
  p95Ms?: Maybe<Scalars['Float']['output']>;
  recentCalls: Scalars['Int']['output'];
  /** permits, social-credit, public-security, case-transfer or hotline-12345 */
  system: Scalars['String']['output'];
};

/** A correction (更正): the changed fields and why; recorded as a new event, nothing is overwritten in the history */
export type CorrectCaseInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  facts?: InputMaybe<Scalars['String']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
  powerItemCode?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  serious?: InputMaybe<Scalars['Boolean']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** A case (source 12345) registered from a signed work order */
export type CreateCaseFromWorkOrderInput = {
  /** Defaults to the order location */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the order content */
  facts?: InputMaybe<Scalars['String']['input']>;
  /** 执法证号 of the officers (at least two, 行政处罚法 Art. 42) */
  officerBadgeNos: Array<Scalars['String']['input']>;
  parties?: InputMaybe<Array<PartyInput>>;
  /** Code of the power-list item (权责清单事项) */
  powerItemCode: Scalars['String']['input'];
  serious?: InputMaybe<Scalars['Boolean']['input']>;
  /** Defaults to the order title */
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** A new data-sharing agreement (ADMIN) */
export type CreateDataSharingAgreementInput = {
  /** Unique agreement number, e.g. DSA-LH-2026-003 */
  agreementNo: Scalars['String']['input'];
  categories: Array<PowerCategory>;
  /** The partner department (functional department, public security or procuratorate) */
  departmentCode: Scalars['String']['input'];
  /** Paths from shareableFields */
  fields: Array<Scalars['String']['input']>;
  /** What the partner uses the data for (共享用途) */
  purpose: Scalars['String']['input'];
  validFrom: Scalars['DateTime']['input'];
  /** Exclusive */
  validTo: Scalars['DateTime']['input'];
};

/** 移送: a suspected crime handed to public security or the procuratorate (行政处罚法 Art. 27) */
export type CreateTransferInput = {
  amountInvolved?: InputMaybe<Scalars['Decimal']['input']>;
  facts: Scalars['String']['input'];
  /** Department code of the receiving organ, e.g. LH-GAJ (公安) or LH-JCY (检察院) */
  receivingDepartmentCode: Scalars['String']['input'];
  /** Suspected charges (涉嫌罪名) */
  suspectedCharges: Array<Scalars['String']['input']>;
};

/** An entry of the blacklist (失信名单) or redlist (守信红名单) */
export type CreditListEntry = {
  __typename?: 'CreditListEntry';
  /** Null: indefinite */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  listType: Scalars['String']['output'];
  listTypeName: Scalars['String']['output'];
  listedAt: Scalars['DateTime']['output'];
  /** Listing authority */
  listedBy: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** Credit standing of a party on the public credit platform (社会信用) */
export type CreditProfile = {
  __typename?: 'CreditProfile';
  blacklistEntries: Array<CreditListEntry>;
  creditRating: CreditRating;
  /** 失信联合惩戒对象: a blacklist entry in force */
  onBlacklist: Scalars['Boolean']['output'];
  /** Administrative penalties in their publicity period (双公示) */
  penaltiesPublished: Scalars['Int']['output'];
  redlistEntries: Array<CreditListEntry>;
  subjectCode: Scalars['String']['output'];
  subjectName: Scalars['String']['output'];
  /** LEGAL_PERSON, INDIVIDUAL_BUSINESS, NATURAL_PERSON… as the platform classifies the subject */
  subjectType: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** Public credit rating (公共信用综合评价等级) */
export type CreditRating =
  /** 诚信 */
  | 'A'
  /** 良好 */
  | 'B'
  /** 警示 */
  | 'C'
  /** 失信 */
  | 'D';

/** 数据共享协议: which case categories and which fields (see shareableFields) a partner department may read, for which purpose, from validFrom (inclusive) until validTo (exclusive). No agreement in force, no data. */
export type DataSharingAgreement = {
  __typename?: 'DataSharingAgreement';
  /** Agreement number, e.g. DSA-LH-2026-001 */
  agreementNo: Scalars['String']['output'];
  /** Case categories shared */
  categories: Array<PowerCategory>;
  createdAt: Scalars['DateTime']['output'];
  /** The partner department */
  department: Department;
  /** Shareable field paths ("EnforcementCase.caseNo", "Party.name"…) the partner may read */
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** What the partner uses the data for (共享用途) */
  purpose: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  status: AgreementStatus;
  validFrom: Scalars['DateTime']['output'];
  validTo: Scalars['DateTime']['output'];
};

/** 按期办结率 of one kind of statutory deadline (as src/domain/case-deadlines.ts computes it for each case). due = met + overdueOpen + deadlines still open that were not yet past due at asOf. */
export type DeadlineOnTimeStats = {
  __typename?: 'DeadlineOnTimeStats';
  /** 应办结: deadlines that fell due in the period (dueAt in [from, to)) or were met in it (metAt in [from, to)) */
  due: Scalars['Int']['output'];
  /** FILING 立案, DECISION 作出决定, SERVICE 送达, PAYMENT 缴纳罚款 (HEARING_REQUEST is the party’s window and is not counted) */
  kind: CaseDeadlineKind;
  /** 已办结: of `due`, those met before the end of the period (metAt < to), on time or late */
  met: Scalars['Int']['output'];
  /** 按期办结: of `met`, those met by their due time (metAt ≤ dueAt) */
  metOnTime: Scalars['Int']['output'];
  /** 逾期未办结: of `due`, those still open at the end of the period (no metAt before to) and past due at asOf */
  overdueOpen: Scalars['Int']['output'];
  /** 按期办结率 = metOnTime / (met + overdueOpen), rounded to 4 decimals; null when no counted deadline has an outcome yet */
  rate?: Maybe<Scalars['Float']['output']>;
};

/** 作出处罚决定 */
export type DecideCaseInput = {
  confiscatedAmount?: InputMaybe<Scalars['Decimal']['input']>;
  fineAmount?: InputMaybe<Scalars['Decimal']['input']>;
  kind: PenaltyKind;
  /** The party waived statement and hearing rights in writing, so the decision need not wait for the 5-working-day hearing window */
  partyWaivedRights?: InputMaybe<Scalars['Boolean']['input']>;
  reasoning: Scalars['String']['input'];
};

/** State of a write to another system in the outbox; DEAD needs an operator */
export type DeliveryState =
  | 'DEAD'
  | 'DELIVERED'
  | 'IN_FLIGHT'
  | 'PENDING';

/** A department (部门): street team, bureau, functional department, public security, procuratorate or hotline centre */
export type Department = {
  __typename?: 'Department';
  /** Department code, the `dept` claim of its tokens */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: DepartmentKind;
  name: Scalars['String']['output'];
  /** Active officers of the department */
  officers: Array<Officer>;
  parent?: Maybe<Department>;
  /** Administrative division code (行政区划代码) */
  regionCode: Scalars['String']['output'];
  /** Street (街道) served by a street team */
  street?: Maybe<Scalars['String']['output']>;
};

/** Kind of department (部门类型) */
export type DepartmentKind =
  | 'CITY_BUREAU'
  | 'DISTRICT_BUREAU'
  | 'FUNCTIONAL_DEPT'
  | 'HOTLINE_CENTER'
  | 'PROCURATORATE'
  | 'PUBLIC_SECURITY'
  | 'STREET_TEAM';

/** One circumstance tier of the discretion benchmark (自由裁量基准): "罚不罚、罚多少，系统来界定" */
export type DiscretionTier = {
  __typename?: 'DiscretionTier';
  circumstance: Scalars['String']['output'];
  fineMax?: Maybe<Scalars['Decimal']['output']>;
  fineMin?: Maybe<Scalars['Decimal']['output']>;
  id: Scalars['ID']['output'];
  /** 1 = lightest */
  level: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  penaltyKind: PenaltyKind;
  /** A decision in this tier needs 法制审核 first (行政处罚法 Art. 58) */
  requiresLegalReview: Scalars['Boolean']['output'];
};

/** Kind of enforcement document (执法文书) */
export type DocumentKind =
  | 'CLOSING_REPORT'
  | 'FILING_APPROVAL'
  | 'HEARING_NOTICE'
  | 'INQUIRY_RECORD'
  | 'INSPECTION_RECORD'
  | 'LEGAL_REVIEW_OPINION'
  | 'NOT_FILED_DECISION'
  | 'OTHER'
  | 'PAYMENT_RECEIPT'
  | 'PENALTY_DECISION'
  | 'PRIOR_NOTICE'
  | 'SERVICE_RECEIPT'
  | 'TRANSFER_LETTER';

/** An enforcement case (案件) */
export type EnforcementCase = {
  __typename?: 'EnforcementCase';
  address: Scalars['String']['output'];
  /** 协办 requests about this case */
  assistRequests: Array<AssistRequest>;
  /** Case number, e.g. GH-2026-00017 */
  caseNo: Scalars['String']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Statutory deadlines: filing, hearing window, 90-day decision, service, payment */
  deadlines: Array<CaseDeadline>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decision?: Maybe<PenaltyDecision>;
  /** Handling department */
  department: Department;
  discoveredAt: Scalars['DateTime']['output'];
  documents: Array<CaseDocument>;
  evidence: Array<Evidence>;
  executedAt?: Maybe<Scalars['DateTime']['output']>;
  facts?: Maybe<Scalars['String']['output']>;
  filedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Identity checks recorded on the case (results only) */
  identityChecks: Array<IdentityCheck>;
  /** The newest events, newest first */
  latestEvents: Array<CaseEvent>;
  legalReviews: Array<LegalReview>;
  location?: Maybe<Location>;
  /** Why the case was not filed (不予立案理由) */
  notFiledReason?: Maybe<Scalars['String']['output']>;
  notifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Officers on the case, lead first */
  officers: Array<CaseOfficer>;
  parties: Array<CaseParty>;
  /** Publication of the penalty decision on the credit platform (双公示); null before a decision and for 不予处罚 */
  penaltyPublication?: Maybe<PenaltyPublication>;
  /** Permits checked for this case, with what the permits system said then */
  permitChecks: Array<PermitCheck>;
  powerItem: PowerItem;
  registeredAt: Scalars['DateTime']['output'];
  /** The parties' permits of the types that matter for the case's power item (e.g. an outdoor-advertising case shows 户外广告设置 permits) */
  relatedPermits?: Maybe<Array<Permit>>;
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** 案卷评查 results of this case file */
  reviews: Array<CaseReview>;
  /** Serious case (重大案件): needs 法制审核 before a decision whatever its tier */
  serious: Scalars['Boolean']['output'];
  servedAt?: Maybe<Scalars['DateTime']['output']>;
  source: CaseSource;
  /** Reference in the source system (e.g. 12345 order number) */
  sourceRef?: Maybe<Scalars['String']['output']>;
  stage: CaseStage;
  /** Street (街道) */
  street: Scalars['String']['output'];
  summary: Scalars['String']['output'];
  /** The discretion tier the facts fall in, once assessed */
  tier?: Maybe<DiscretionTier>;
  transferredAt?: Maybe<Scalars['DateTime']['output']>;
  /** 移送 and 移交 of this case */
  transfers: Array<Transfer>;
  updatedAt: Scalars['DateTime']['output'];
  /** Bumped by every event; pass as expectedVersion to guard against concurrent edits */
  version: Scalars['Int']['output'];
  /** 12345 work orders this case was opened for */
  workOrders: Array<WorkOrder>;
};


/** An enforcement case (案件) */
export type EnforcementCaseLatestEventsArgs = {
  last?: Scalars['Int']['input'];
};

/** A piece of evidence (证据), identified by its content hash */
export type Evidence = {
  __typename?: 'Evidence';
  collectedAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  fileName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: EvidenceKind;
  /** SHA-256 of the file, lower-case hex */
  sha256: Scalars['String']['output'];
  size?: Maybe<Scalars['Int']['output']>;
};

/** Kind of evidence (证据种类, Art. 46) */
export type EvidenceKind =
  | 'DOCUMENTARY'
  | 'ELECTRONIC_DATA'
  | 'EXPERT_OPINION'
  | 'INSPECTION_RECORD'
  | 'PARTY_STATEMENT'
  | 'PERMIT_CHECK'
  | 'PHOTO'
  | 'PHYSICAL'
  | 'VIDEO'
  | 'WITNESS_STATEMENT';

/** 案卷评查: case files reviewed in the period (reviewedAt in [from, to)) */
export type FileReviewStats = {
  __typename?: 'FileReviewStats';
  /** Mean score (0–100), 1 decimal; null when none was reviewed */
  averageScore?: Maybe<Scalars['Float']['output']>;
  /** Files scored below 60 (不合格) */
  failed: Scalars['Int']['output'];
  reviewed: Scalars['Int']['output'];
};

/** 移交: hand a case to the competent department inside the hub */
export type HandOverInput = {
  reason: Scalars['String']['input'];
  toDepartmentCode: Scalars['String']['input'];
};

/** Result of recomputing every hash of a case history */
export type HistoryVerification = {
  __typename?: 'HistoryVerification';
  caseId: Scalars['ID']['output'];
  /** Sequence number of the first broken link */
  firstBrokenSeq?: Maybe<Scalars['Int']['output']>;
  length: Scalars['Int']['output'];
  problems: Array<ChainProblem>;
  valid: Scalars['Boolean']['output'];
  verifiedAt: Scalars['DateTime']['output'];
};

/** An identity verification by public security recorded on a case (身份核验): the result only */
export type IdentityCheck = {
  __typename?: 'IdentityCheck';
  checkedAt: Scalars['DateTime']['output'];
  checkedBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  purpose: VerificationPurpose;
  result: IdentityMatch;
  /** Reference of the check at public security */
  verificationId: Scalars['String']['output'];
};

/** What public security (公安) answers to an identity check: nothing else about the person is returned or stored */
export type IdentityMatch =
  /** Name and ID number belong together */
  | 'MATCH'
  /** The number exists, the name differs */
  | 'MISMATCH'
  /** The number is not registered */
  | 'NOT_FOUND';

/** 督办 */
export type IssueSupervisionInput = {
  /** When the department must answer */
  dueAt: Scalars['DateTime']['input'];
  level: SupervisionLevel;
  note?: InputMaybe<Scalars['String']['input']>;
  reason: SupervisionReason;
  targetId: Scalars['ID']['input'];
  targetType: SupervisionTargetType;
};

/** A legal review (法制审核) of a proposed decision */
export type LegalReview = {
  __typename?: 'LegalReview';
  comments: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  opinion: LegalReviewOpinion;
  reviewedAt: Scalars['DateTime']['output'];
  reviewer: Scalars['String']['output'];
};

export type LegalReviewInput = {
  comments: Scalars['String']['input'];
  opinion: LegalReviewOpinion;
};

/** Opinion of the legal review (法制审核意见) */
export type LegalReviewOpinion =
  | 'AMEND'
  | 'APPROVED'
  | 'REJECTED';

export type Location = {
  __typename?: 'Location';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

/** Transfer materials (国务院令第310号 Art. 6); the first four are mandatory */
export type MaterialKind =
  /** 涉案物品清单 */
  | 'EVIDENCE_LIST'
  /** 有关检验报告或者鉴定结论 */
  | 'INSPECTION_REPORT'
  /** 涉嫌犯罪案件情况的调查报告 */
  | 'INVESTIGATION_REPORT'
  /** 其他有关材料 */
  | 'OTHER'
  /** 涉嫌犯罪案件移送书 */
  | 'TRANSFER_LETTER';

export type Mutation = {
  __typename?: 'Mutation';
  /** The department asked takes the request on: REQUESTED → ACCEPTED */
  acceptAssistRequest: AssistRequest;
  /** The receiving department accepts a hand-over and becomes the handling department */
  acceptHandOver: Transfer;
  /** 调查取证: add evidence; the first evidence of a FILED case moves it to INVESTIGATING */
  addEvidence: EnforcementCase;
  /** 负责人审批 (SUPERVISOR): approve, or refuse with reasons */
  approveTransfer: Transfer;
  /** Attach a file (sha256 and size recorded; size limited) */
  attachTransferMaterial: TransferMaterial;
  /** 结案: → CLOSED once the decision is executed */
  closeCase: EnforcementCase;
  /** A supervisor closes the item */
  closeSupervision: SupervisionItem;
  /** 更正: correct fields with a reason; recorded as a new event, never an overwrite of history */
  correctCase: EnforcementCase;
  /** Registers a case with source 12345 for a signed order and links the two */
  createCaseFromWorkOrder: EnforcementCase;
  /** Make a data-sharing agreement with a partner department (ADMIN) */
  createDataSharingAgreement: DataSharingAgreement;
  /** 移送 request for a suspected crime; waits for the head’s approval */
  createTransfer: Transfer;
  /** 作出处罚决定: → DECIDED; refused without a required legal review (Art. 58) */
  decideCase: EnforcementCase;
  /** Decline with a reason: → DECLINED */
  declineAssistRequest: AssistRequest;
  /** 不予立案: RECEIVED → NOT_FILED, with a reason */
  declineCase: EnforcementCase;
  /** 立案: RECEIVED → FILED */
  fileCase: EnforcementCase;
  /** 移交: hand the case to the competent department, which accepts or returns it */
  handOverCase: Transfer;
  /** 督办: order a department to act (SUPERVISOR) */
  issueSupervision: SupervisionItem;
  /** 告知: INVESTIGATING → NOTIFIED, proposing a penalty within the discretion benchmark */
  notifyParty: EnforcementCase;
  /** 执行: record a payment; SERVED/EXECUTING → EXECUTING */
  recordExecution: EnforcementCase;
  /** 法制审核: NOTIFIED → LEGAL_REVIEW (REJECTED sends the case back to INVESTIGATING) */
  recordLegalReview: EnforcementCase;
  /** Look a permit up now and keep what the permits system said on the case, as evidence (许可核查) */
  recordPermitCheck: EnforcementCase;
  /** 受理: register a case (stage RECEIVED); needs at least two officers */
  registerCase: EnforcementCase;
  /** Answer: → REPLIED */
  replyAssistRequest: AssistRequest;
  /** 反馈办理结果 (sent through the outbox) */
  replyWorkOrder: WorkOrder;
  /** Report a penalty decision to the credit platform again (双公示) after it was REJECTED and the case was corrected; the platform gives a new receipt */
  reportPenaltyAgain: PenaltyPublication;
  /** 发起协办; ONSITE_SUPPORT goes to public security through its system */
  requestAssistance: AssistRequest;
  /** 复议 after NOT_FILED, within 3 working days */
  requestReconsideration: Transfer;
  /** 延期申请: decided by the hotline later (EXTENSION_DECIDED) */
  requestWorkOrderExtension: WorkOrder;
  /** The department under supervision answers */
  respondToSupervision: SupervisionItem;
  /** Put a DEAD delivery back in line, its attempts reset (ADMIN) */
  retryOutboxMessage: OutboxDelivery;
  /** The receiving department returns a hand-over with reasons */
  returnHandOver: Transfer;
  /** 退单: before signing at any time, after signing until the return deadline (DEADLINE_PASSED after) */
  returnWorkOrder: WorkOrder;
  /** 案卷评查: score a closed case file (bureau reviewer or supervisor, never the handling team) */
  reviewCaseFile: CaseReview;
  /** Revoke an agreement now (ADMIN); final */
  revokeDataSharingAgreement: DataSharingAgreement;
  /** Routes an order to a street team (bureau or supervisor), e.g. one whose street the hub did not recognise */
  routeWorkOrder: WorkOrder;
  /** Runs the deadline scheduler now (SUPERVISOR or ADMIN); it also runs on its own every SUPERVISION_SCAN_MS */
  scanDeadlines: SupervisionScanResult;
  /** 送达: DECIDED → SERVED */
  serveDecision: EnforcementCase;
  /** 签收 (within 2 working hours of dispatch; sent to the hotline through the outbox) */
  signWorkOrder: WorkOrder;
  /** Hand over to the platform; refused while a mandatory material is missing (MATERIALS_MISSING) */
  submitTransfer: Transfer;
  /** 补充材料 after RETURNED: sends the materials attached since */
  supplementTransfer: Transfer;
  /** Change purpose, categories, fields or validity of an agreement (ADMIN) */
  updateDataSharingAgreement: DataSharingAgreement;
  /** Every natural-person party of the case, with the case's records, in one batched call */
  verifyCaseParties: Array<IdentityCheck>;
  /** Several persons in one batched call (≤ 20 per upstream call) */
  verifyIdentities: Array<IdentityCheck>;
  /** 身份核验 through public security; records MATCH/MISMATCH/NOT_FOUND on the case, nothing else */
  verifyIdentity: IdentityCheck;
  /** The requester withdraws: → WITHDRAWN */
  withdrawAssistRequest: AssistRequest;
  /** 撤回 (the platform allows it while RECEIVED) */
  withdrawTransfer: Transfer;
};


export type MutationAcceptAssistRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAcceptHandOverArgs = {
  transferId: Scalars['ID']['input'];
};


export type MutationAddEvidenceArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: AddEvidenceInput;
};


export type MutationApproveTransferArgs = {
  approve?: Scalars['Boolean']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  transferId: Scalars['ID']['input'];
};


export type MutationAttachTransferMaterialArgs = {
  input: TransferMaterialInput;
  transferId: Scalars['ID']['input'];
};


export type MutationCloseCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: CloseCaseInput;
};


export type MutationCloseSupervisionArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCorrectCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: CorrectCaseInput;
};


export type MutationCreateCaseFromWorkOrderArgs = {
  input: CreateCaseFromWorkOrderInput;
  orderNo: Scalars['String']['input'];
};


export type MutationCreateDataSharingAgreementArgs = {
  input: CreateDataSharingAgreementInput;
};


export type MutationCreateTransferArgs = {
  caseId: Scalars['ID']['input'];
  input: CreateTransferInput;
};


export type MutationDecideCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: DecideCaseInput;
};


export type MutationDeclineAssistRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationDeclineCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationFileCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationHandOverCaseArgs = {
  caseId: Scalars['ID']['input'];
  input: HandOverInput;
};


export type MutationIssueSupervisionArgs = {
  input: IssueSupervisionInput;
};


export type MutationNotifyPartyArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: NotifyPartyInput;
};


export type MutationRecordExecutionArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: RecordExecutionInput;
};


export type MutationRecordLegalReviewArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: LegalReviewInput;
};


export type MutationRecordPermitCheckArgs = {
  caseId: Scalars['ID']['input'];
  permitNo: Scalars['String']['input'];
};


export type MutationRegisterCaseArgs = {
  input: RegisterCaseInput;
};


export type MutationReplyAssistRequestArgs = {
  id: Scalars['ID']['input'];
  reply: Scalars['String']['input'];
};


export type MutationReplyWorkOrderArgs = {
  input: ReplyWorkOrderInput;
  orderNo: Scalars['String']['input'];
};


export type MutationReportPenaltyAgainArgs = {
  caseId: Scalars['ID']['input'];
};


export type MutationRequestAssistanceArgs = {
  caseId: Scalars['ID']['input'];
  input: RequestAssistanceInput;
};


export type MutationRequestReconsiderationArgs = {
  reason: Scalars['String']['input'];
  transferId: Scalars['ID']['input'];
};


export type MutationRequestWorkOrderExtensionArgs = {
  input: WorkOrderExtensionInput;
  orderNo: Scalars['String']['input'];
};


export type MutationRespondToSupervisionArgs = {
  id: Scalars['ID']['input'];
  response: Scalars['String']['input'];
};


export type MutationRetryOutboxMessageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnHandOverArgs = {
  reason: Scalars['String']['input'];
  transferId: Scalars['ID']['input'];
};


export type MutationReturnWorkOrderArgs = {
  input: ReturnWorkOrderInput;
  orderNo: Scalars['String']['input'];
};


export type MutationReviewCaseFileArgs = {
  caseId: Scalars['ID']['input'];
  checklist: CaseFileChecklistInput;
};


export type MutationRevokeDataSharingAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRouteWorkOrderArgs = {
  departmentCode: Scalars['String']['input'];
  orderNo: Scalars['String']['input'];
};


export type MutationServeDecisionArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: ServeDecisionInput;
};


export type MutationSignWorkOrderArgs = {
  orderNo: Scalars['String']['input'];
  signedBy?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSubmitTransferArgs = {
  transferId: Scalars['ID']['input'];
};


export type MutationSupplementTransferArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  transferId: Scalars['ID']['input'];
};


export type MutationUpdateDataSharingAgreementArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDataSharingAgreementInput;
};


export type MutationVerifyCasePartiesArgs = {
  caseId: Scalars['ID']['input'];
  purpose: VerificationPurpose;
};


export type MutationVerifyIdentitiesArgs = {
  caseId: Scalars['ID']['input'];
  input: PersonsToVerify;
  purpose: VerificationPurpose;
};


export type MutationVerifyIdentityArgs = {
  caseId: Scalars['ID']['input'];
  idNumber: Scalars['String']['input'];
  name: Scalars['String']['input'];
  purpose: VerificationPurpose;
};


export type MutationWithdrawAssistRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawTransferArgs = {
  reason: Scalars['String']['input'];
  transferId: Scalars['ID']['input'];
};

/** 告知: notify the party of the proposed penalty and its rights (陈述、申辩、听证) */
export type NotifyPartyInput = {
  method: ServiceMethod;
  proposedFine?: InputMaybe<Scalars['Decimal']['input']>;
  proposedPenalty: PenaltyKind;
  /** Discretion tier level the facts fall in */
  tierLevel: Scalars['Int']['input'];
};

/** A law-enforcement officer (执法人员) */
export type Officer = {
  __typename?: 'Officer';
  /** Law-enforcement certificate number (执法证号) */
  badgeNo: Scalars['String']['output'];
  department: Department;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A write to the platform waiting in, or delivered from, the outbox */
export type OutboxDelivery = {
  __typename?: 'OutboxDelivery';
  attempts: Scalars['Int']['output'];
  availableAt: Scalars['DateTime']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  status: DeliveryState;
  topic: Scalars['String']['output'];
};

/** Writes to other systems waiting in, or delivered from, the outbox */
export type OutboxStats = {
  __typename?: 'OutboxStats';
  /** Gave up after their attempts or on a permanent refusal: need an operator */
  dead: Scalars['Int']['output'];
  delivered: Scalars['Int']['output'];
  inFlight: Scalars['Int']['output'];
  oldestPendingAt?: Maybe<Scalars['DateTime']['output']>;
  pending: Scalars['Int']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A party (当事人): a person by 居民身份证号 or an organisation by 统一社会信用代码 */
export type Party = {
  __typename?: 'Party';
  address?: Maybe<Scalars['String']['output']>;
  /** Cases naming this party that the caller may see */
  cases: CaseConnection;
  /** 统一社会信用代码 (organisation) or 居民身份证号 (person) */
  code: Scalars['String']['output'];
  /** Credit standing (社会信用): rating, blacklist and redlist; null when the platform has no record, or with an UPSTREAM_ error when it fails */
  credit?: Maybe<CreditProfile>;
  id: Scalars['ID']['output'];
  kind: PartyKind;
  /** Legal representative (法定代表人) of an organisation */
  legalRepName?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The party's permits (null with an UPSTREAM_ error when the permits system fails) */
  permits?: Maybe<Array<Permit>>;
  phone?: Maybe<Scalars['String']['output']>;
};


/** A party (当事人): a person by 居民身份证号 or an organisation by 统一社会信用代码 */
export type PartyCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CaseOrder>;
};

/** A party named when a case is registered; created if the code is new */
export type PartyInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** 统一社会信用代码 or 居民身份证号, validated with its check character */
  code: Scalars['String']['input'];
  legalRepName?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** PERSON 自然人 (居民身份证号) or ORGANISATION 法人或其他组织 (统一社会信用代码) */
export type PartyKind =
  | 'ORGANISATION'
  | 'PERSON';

/** Role of a party in a case */
export type PartyRole =
  | 'RELATED'
  | 'RESPONDENT';

/** An administrative penalty decision (行政处罚决定) */
export type PenaltyDecision = {
  __typename?: 'PenaltyDecision';
  basis: Scalars['String']['output'];
  confiscatedAmount: Scalars['Decimal']['output'];
  decidedAt: Scalars['DateTime']['output'];
  decidedBy: Scalars['String']['output'];
  /** 决定书文号 */
  decisionNo: Scalars['String']['output'];
  fineAmount: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  kind: PenaltyKind;
  paidAmount: Scalars['Decimal']['output'];
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  reasoning: Scalars['String']['output'];
  servedAt?: Maybe<Scalars['DateTime']['output']>;
  serviceMethod?: Maybe<ServiceMethod>;
};

/** Kind of administrative penalty (行政处罚种类, Art. 9) */
export type PenaltyKind =
  | 'BUSINESS_RESTRICTION'
  | 'CONFISCATION'
  | 'FINE'
  | 'NO_PENALTY'
  | 'REVOCATION'
  | 'SUSPENSION'
  | 'WARNING';

/** Publication of a penalty decision (双公示, 行政处罚信息公示): reported to the credit platform (公共信用信息共享平台) within 7 working days of the decision, then followed until published or rejected */
export type PenaltyPublication = {
  __typename?: 'PenaltyPublication';
  case: EnforcementCase;
  createdAt: Scalars['DateTime']['output'];
  /** When the decision was made */
  decidedAt: Scalars['DateTime']['output'];
  /** 决定书文号 of the decision, the report’s key at the platform */
  decisionNo: Scalars['String']['output'];
  /** End (23:59:59 Asia/Shanghai) of the 7th working day after the decision */
  dueAt: Scalars['DateTime']['output'];
  /** The platform answered DUPLICATE_REPORT: the decision had already reached it and receiptId is the original receipt */
  duplicate: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Why the last delivery or status query failed (cleared by the next success) */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Last status query (QueryReportStatus) */
  lastPolledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The 7-working-day deadline was missed: the current report reached the platform after it, or it is overdue */
  late: Scalars['Boolean']['output'];
  /** Next status query; null once final */
  nextPollAt?: Maybe<Scalars['DateTime']['output']>;
  /** Not yet at the platform although the 7 working days have run out */
  overdue: Scalars['Boolean']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Receipt of the platform for the current report */
  receiptId?: Maybe<Scalars['String']['output']>;
  rejectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The platform’s reasons when REJECTED (kept until a corrected report is accepted) */
  rejections: Array<PublicationRejectionReason>;
  /** Reports accepted by the platform so far (a corrected report after a rejection counts again) */
  reportCount: Scalars['Int']['output'];
  /** When the platform accepted the current report */
  reportedAt?: Maybe<Scalars['DateTime']['output']>;
  status: PublicationStatus;
};

/** A page of penalty publications (双公示), latest deadline first */
export type PenaltyPublicationConnection = {
  __typename?: 'PenaltyPublicationConnection';
  edges: Array<PenaltyPublicationEdge>;
  pageInfo: PageInfo;
  /** Publications matching the filter that the caller may see */
  totalCount: Scalars['Int']['output'];
};

export type PenaltyPublicationEdge = {
  __typename?: 'PenaltyPublicationEdge';
  cursor: Scalars['String']['output'];
  node: PenaltyPublication;
};

/** Which penalty publications (双公示) to list */
export type PenaltyPublicationFilter = {
  /** Decided at or after */
  decidedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Decided before */
  decidedTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** Handling department codes, e.g. LH-GH */
  departmentCode?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: the 7-working-day deadline was missed (reported after it, or still unreported past it); false: the others */
  late?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<PublicationStatus>>;
};

/** An administrative permit (行政许可) as the permits system reports it now */
export type Permit = {
  __typename?: 'Permit';
  address: Scalars['String']['output'];
  conditions: Array<Scalars['String']['output']>;
  /** 统一社会信用代码 or 居民身份证号 of the holder */
  holderCode: Scalars['String']['output'];
  holderName: Scalars['String']['output'];
  issuedAt: Scalars['DateTime']['output'];
  issuedBy: PermitIssuer;
  /** 许可证号 */
  permitNo: Scalars['String']['output'];
  /** What the permit allows (许可范围) */
  scope: Scalars['String']['output'];
  status: PermitStatus;
  statusChangedAt?: Maybe<Scalars['DateTime']['output']>;
  statusReason?: Maybe<Scalars['String']['output']>;
  type: PermitType;
  typeName: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Asia/Shanghai calendar date, inclusive */
  validFrom: Scalars['String']['output'];
  /** Asia/Shanghai calendar date, inclusive */
  validTo: Scalars['String']['output'];
};

/** A permit checked for a case, with what the permits system said at that moment (evidence) */
export type PermitCheck = {
  __typename?: 'PermitCheck';
  checkedAt: Scalars['DateTime']['output'];
  checkedBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  permitNo: Scalars['String']['output'];
  /** The permit exactly as the permits system returned it */
  snapshot: Scalars['JSON']['output'];
};

/** Issuing authority (发证机关) */
export type PermitIssuer = {
  __typename?: 'PermitIssuer';
  /** 统一社会信用代码 of the authority */
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** Status evaluated by the permits system at read time */
export type PermitStatus =
  /** 已过期 */
  | 'EXPIRED'
  /** 已撤销/吊销 */
  | 'REVOKED'
  /** 暂停/中止 */
  | 'SUSPENDED'
  /** 有效 */
  | 'VALID';

/** Type of an administrative permit (行政许可类型) */
export type PermitType =
  /** 建设工程规划许可 */
  | 'CONSTRUCTION_PLANNING'
  /** 城市建筑垃圾处置核准 */
  | 'CONSTRUCTION_WASTE'
  /** 燃气经营许可 */
  | 'GAS_OPERATION'
  /** 临时占用城市绿地许可 */
  | 'GREEN_SPACE_OCCUPATION'
  /** 夜间施工许可 */
  | 'NIGHT_CONSTRUCTION'
  /** 户外广告设置许可 */
  | 'OUTDOOR_AD'
  /** 挖掘城市道路许可 */
  | 'ROAD_EXCAVATION'
  /** 临时占用城市道路许可 */
  | 'ROAD_OCCUPATION'
  /** 占道经营（临时摊点）许可 */
  | 'STREET_VENDING'
  /** 砍伐、迁移城市树木许可 */
  | 'TREE_FELLING';

/** A person to check: name exactly as registered (multi-part names with ·) and 居民身份证号 */
export type PersonToVerify = {
  idNumber: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type PersonsToVerify = {
  persons: Array<PersonToVerify>;
};

/** The 18 street enforcement matters (街道综合执法事项类别) */
export type PowerCategory =
  /** 校外托管 */
  | 'AFTER_SCHOOL_CARE'
  /** 城市管理（市容环卫） */
  | 'CITY_APPEARANCE'
  /** 建筑废弃物 */
  | 'CONSTRUCTION_WASTE'
  /** 文化 */
  | 'CULTURE'
  /** 教育培训 */
  | 'EDUCATION_TRAINING'
  /** 林业 */
  | 'FORESTRY'
  /** 殡葬 */
  | 'FUNERAL'
  /** 燃气 */
  | 'GAS'
  /** 房屋租赁 */
  | 'HOUSING_RENTAL'
  /** 查违 */
  | 'ILLEGAL_CONSTRUCTION'
  /** 二次装修 */
  | 'INTERIOR_RENOVATION'
  /** 网吧 */
  | 'INTERNET_CAFE'
  /** 其他 */
  | 'OTHER'
  /** 户外广告 */
  | 'OUTDOOR_ADVERTISING'
  /** 采石取土 */
  | 'QUARRYING'
  /** 河道 */
  | 'RIVER_CHANNEL'
  /** 占道 */
  | 'ROAD_OCCUPATION'
  /** 焚烧固废 */
  | 'WASTE_BURNING';

/** A power-list item (权责清单事项) with its legal basis */
export type PowerItem = {
  __typename?: 'PowerItem';
  category: PowerCategory;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The provision broken (违法依据) */
  legalBasis: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The provision setting the penalty (处罚依据) */
  penaltyBasis: Scalars['String']['output'];
  /** Permit types (PermitType of the permits system, e.g. OUTDOOR_AD) relevant to this matter */
  permitTypes: Array<Scalars['String']['output']>;
  /** Discretion benchmark (自由裁量基准), lightest first */
  tiers: Array<DiscretionTier>;
};

/** Why the credit platform refused a 双公示 report (a rule of the platform’s PenaltyRecordType) */
export type PublicationRejectionReason = {
  __typename?: 'PublicationRejectionReason';
  /** The platform’s rule, e.g. PARTY_NOT_MATCHED, FINE_AMOUNT_MISMATCH */
  code: Scalars['String']['output'];
  /** The record field the rule concerns */
  field?: Maybe<Scalars['String']['output']>;
  /** The platform’s explanation (Chinese) */
  message: Scalars['String']['output'];
};

/** Where a penalty decision stands in its publication (双公示) on the credit platform */
export type PublicationStatus =
  /** Queued in the outbox, not yet accepted by the platform (also after reportPenaltyAgain) */
  | 'PENDING'
  /** Published (公示) by the platform */
  | 'PUBLISHED'
  /** Refused by the platform’s checks; correct the case, then reportPenaltyAgain */
  | 'REJECTED'
  /** Accepted by the platform with a receipt (RECEIVED); its checks have not started */
  | 'REPORTED'
  /** The platform is checking the record */
  | 'VALIDATING';

export type Query = {
  __typename?: 'Query';
  assistRequest: AssistRequest;
  /** 协办 requests of your department (supervisors: any department, or all) */
  assistRequests: Array<AssistRequest>;
  /** The audit log, newest first (AUDITOR): who read or changed what, why, which cases and which personal data were returned */
  auditRecords: AuditRecordConnection;
  /** One case by id or case number (give exactly one) */
  case: EnforcementCase;
  /** The hash-chained history of a case, oldest first */
  caseHistory: Array<CaseEvent>;
  /** Cases the caller may see, newest first by default; keyset pagination */
  cases: CaseConnection;
  /** Per external system: circuit state, error rate, p50/p95 latency, last error (SUPERVISOR, ADMIN) */
  connectorHealth: Array<ConnectorHealthReport>;
  /** 数据共享协议, by agreement number (ADMIN, AUDITOR) */
  dataSharingAgreements: Array<DataSharingAgreement>;
  /** Departments known to the hub */
  departments: Array<Department>;
  /** Outbox backlog and dead letters (SUPERVISOR, ADMIN) */
  outboxStats: OutboxStats;
  /** A party by 统一社会信用代码 or 居民身份证号 (validated with its check character) */
  party: Party;
  /** Penalty publications (双公示) of the cases the caller may see — pending, published, rejected or late; latest deadline first */
  penaltyPublications: PenaltyPublicationConnection;
  /** A permit by number from the permits system (行政许可); null when it does not exist */
  permit?: Maybe<Permit>;
  /** The power list (权责清单), optionally one of the 18 categories */
  powerItems: Array<PowerItem>;
  /** The field catalogue agreements choose from: every field of the types reachable from EnforcementCase */
  shareableFields: Array<ShareableField>;
  supervisionItem: SupervisionItem;
  /** 督办 items: all for supervisors, auditors and bureaus; a department its own */
  supervisionItems: SupervisionItemConnection;
  /** 网上监督 statistics: cases received, filed, decided, closed and transferred, 按期办结率 per deadline kind, overdue deadlines, average handling days, fines decided and 12345 satisfaction over a period, per street, department, category or source (SUPERVISOR, AUDITOR, ADMIN and bureaus) */
  supervisionStats: SupervisionStats;
  transfer: Transfer;
  /** Transfers of cases the caller may see */
  transfers: Array<Transfer>;
  /** Recomputes every hash of the audit log and names each record that does not verify (AUDITOR, ADMIN) */
  verifyAuditLog: AuditVerification;
  /** Recomputes every hash of a case history and names the rows that do not verify */
  verifyCaseHistory: HistoryVerification;
  workOrder: WorkOrder;
  /** 12345 work orders you may see (a street team: those routed to it) */
  workOrders: WorkOrderConnection;
};


export type QueryAssistRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssistRequestsArgs = {
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  direction?: InputMaybe<AssistDirection>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<AssistStatus>>;
};


export type QueryAuditRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCaseArgs = {
  caseNo?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCaseHistoryArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CaseOrder>;
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDataSharingAgreementsArgs = {
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<AgreementStatus>>;
};


export type QueryDepartmentsArgs = {
  kind?: InputMaybe<DepartmentKind>;
};


export type QueryOutboxStatsArgs = {
  topic?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPartyArgs = {
  code: Scalars['String']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPenaltyPublicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PenaltyPublicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPermitArgs = {
  permitNo: Scalars['String']['input'];
};


export type QueryPowerItemsArgs = {
  category?: InputMaybe<PowerCategory>;
};


export type QuerySupervisionItemArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupervisionItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupervisionItemFilter>;
  first?: Scalars['Int']['input'];
};


export type QuerySupervisionStatsArgs = {
  groupBy: StatsGroupBy;
  period: StatsPeriodInput;
};


export type QueryTransferArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTransfersArgs = {
  caseId?: InputMaybe<Scalars['ID']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<TransferStatus>>;
};


export type QueryVerifyCaseHistoryArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryWorkOrderArgs = {
  orderNo: Scalars['String']['input'];
};


export type QueryWorkOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkOrderFilter>;
  first?: Scalars['Int']['input'];
};

export type RecordExecutionInput = {
  /** Amount paid in this instalment (0 for non-monetary penalties) */
  amountPaid: Scalars['Decimal']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** 受理: register a case */
export type RegisterCaseInput = {
  address: Scalars['String']['input'];
  /** When the matter was discovered; defaults to now */
  discoveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  facts?: InputMaybe<Scalars['String']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
  /** 执法证号 of the officers (at least two, Art. 42); the first leads */
  officerBadgeNos: Array<Scalars['String']['input']>;
  parties?: InputMaybe<Array<PartyInput>>;
  /** Code of the power-list item (权责清单事项) */
  powerItemCode: Scalars['String']['input'];
  /** Serious case (重大案件): legal review required before a decision */
  serious?: InputMaybe<Scalars['Boolean']['input']>;
  source: CaseSource;
  sourceRef?: InputMaybe<Scalars['String']['input']>;
  summary: Scalars['String']['input'];
};

/** 反馈办理结果 */
export type ReplyWorkOrderInput = {
  /** Defaults to now */
  handledAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 办理人 */
  handledBy: Scalars['String']['input'];
  /** Defaults to the case opened for this order, if any */
  linkedCaseNo?: InputMaybe<Scalars['String']['input']>;
  /** 办理结果, 10–2000 characters; may be left out with useOfferedReply */
  result?: InputMaybe<Scalars['String']['input']>;
  /** Send the reply the hub offered when the linked case ended */
  useOfferedReply?: InputMaybe<Scalars['Boolean']['input']>;
};

/** 协办 request */
export type RequestAssistanceInput = {
  /** When the answer is needed */
  dueAt: Scalars['DateTime']['input'];
  kind: AssistKind;
  /** On-site support: where */
  location?: InputMaybe<Scalars['String']['input']>;
  question: Scalars['String']['input'];
  /** On-site support: when the police are needed (defaults to dueAt) */
  scheduledAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Department asked, e.g. LH-GTZY, LH-SCJG, LH-GAJ */
  toDepartmentCode: Scalars['String']['input'];
};

/** 退单 */
export type ReturnWorkOrderInput = {
  duplicateOfOrderNo?: InputMaybe<Scalars['String']['input']>;
  reasonCode: WorkOrderReturnReason;
  reasonText: Scalars['String']['input'];
};

/** 12345 满意度: evaluations of 12345 work orders made in the period (evaluatedAt in [from, to)) */
export type SatisfactionStats = {
  __typename?: 'SatisfactionStats';
  /** 基本满意 */
  basicallySatisfied: Scalars['Int']['output'];
  /** 不满意 */
  dissatisfied: Scalars['Int']['output'];
  /** Work orders evaluated in the period */
  evaluated: Scalars['Int']['output'];
  /** 满意率 = (satisfied + basicallySatisfied) / evaluated, rounded to 4 decimals; null when nothing was evaluated */
  rate?: Maybe<Scalars['Float']['output']>;
  /** 满意 */
  satisfied: Scalars['Int']['output'];
};

export type ServeDecisionInput = {
  method: ServiceMethod;
};

/** How a decision was served (送达方式) */
export type ServiceMethod =
  | 'BY_POST'
  | 'ELECTRONIC'
  | 'IN_PERSON'
  | 'LEFT_AT_DOMICILE'
  | 'PUBLIC_NOTICE';

/** A field an agreement may share, as "Type.field" (derived from the schema: the types reachable from EnforcementCase) */
export type ShareableField = {
  __typename?: 'ShareableField';
  description?: Maybe<Scalars['String']['output']>;
  fieldName: Scalars['String']['output'];
  /** As listed in DataSharingAgreement.fields, e.g. Party.name */
  path: Scalars['String']['output'];
  /** Personal data of natural persons: shared masked (partners never see it in full) */
  personalData: Scalars['Boolean']['output'];
  typeName: Scalars['String']['output'];
};

/** How supervision statistics are broken down (统计维度) */
export type StatsGroupBy =
  /** 事项类别: the power item's category (街道综合执法 18 类); 12345 work orders by their linked case */
  | 'CATEGORY'
  /** 承办部门: the handling department of the case; 12345 work orders by the team they are routed to */
  | 'DEPARTMENT'
  /** 案件来源 (巡查, 市民举报, 数字城管, 12345, 部门移交, 视频识别); 12345 work orders by their linked case */
  | 'SOURCE'
  /** 街道: the case's street; 12345 work orders by the street of the team they are routed to */
  | 'STREET';

/** The statistics period [from, to): from included, to excluded */
export type StatsPeriod = {
  __typename?: 'StatsPeriod';
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
};

/** Statistics period [from, to): from included, to excluded; from must be before to, at most 1096 days (3 years) */
export type StatsPeriodInput = {
  /** Start of the period (included), e.g. 2026-01-01T00:00:00+08:00 */
  from: Scalars['DateTime']['input'];
  /** End of the period (excluded), e.g. 2027-01-01T00:00:00+08:00 */
  to: Scalars['DateTime']['input'];
};

/** Supervision figures of one group (or of all groups: the total) */
export type StatsRow = {
  __typename?: 'StatsRow';
  /** 平均办案天数: mean of closedAt − registeredAt in calendar days over the cases counted in `closed`, 1 decimal; null when none */
  averageHandlingDays?: Maybe<Scalars['Float']['output']>;
  /** 结案: cases closed in the period (stage CLOSED, closedAt in the period; 不予立案 is not 结案) */
  closed: Scalars['Int']['output'];
  /** 作出决定: cases decided in the period (decidedAt in the period) */
  decided: Scalars['Int']['output'];
  /** 案卷评查 of the group’s cases in the period */
  fileReviews: FileReviewStats;
  /** 立案: cases filed in the period (filedAt in the period; 不予立案 cases excluded) */
  filed: Scalars['Int']['output'];
  /** 罚款金额: sum of the fine amounts of the penalty decisions made in the period (PenaltyDecision.decidedAt in the period) */
  finesDecided: Scalars['Decimal']['output'];
  /** Street name (e.g. 观湖), department code, PowerCategory or CaseSource value; UNASSIGNED for work orders that belong to no group; TOTAL for the total */
  key: Scalars['String']['output'];
  /** Street name, department name, category or source in Chinese (e.g. 观湖, 城市管理（市容环卫）, 巡查) */
  label: Scalars['String']['output'];
  /** 按期办结率 per deadline kind: FILING, DECISION, SERVICE, PAYMENT */
  onTime: Array<DeadlineOnTimeStats>;
  /** 逾期: deadlines (all kinds but HEARING_REQUEST, whenever they fell due) open and past due at asOf = min(to, now), counted per deadline */
  overdue: Scalars['Int']['output'];
  /** 受理: cases registered in the period (registeredAt in [from, to)) */
  received: Scalars['Int']['output'];
  satisfaction: SatisfactionStats;
  /** 移送: cases transferred in the period (transferredAt in the period) */
  transferred: Scalars['Int']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Co-handling requests (协办) asked of or by a department. Your own department only, unless SUPERVISOR or ADMIN. */
  assistRequestUpdated: AssistRequestUpdate;
  /** The committed steps of a case, in order. FORBIDDEN unless you may read the case. */
  caseUpdated: CaseUpdate;
  /** 督办 alerts for a department (its own; supervisors, auditors and bureaus any) */
  supervisionAlert: SupervisionAlert;
  /** Status changes of a transfer, or of every transfer of a case (give at least one). Visible while you may read the case. */
  transferStatusChanged: TransferStatusUpdate;
  /** Changes of the work orders routed to a street team (its own team; supervisors, bureaus and the hotline centre any) */
  workOrderUpdated: WorkOrderUpdate;
};


export type SubscriptionAssistRequestUpdatedArgs = {
  departmentCode: Scalars['String']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionCaseUpdatedArgs = {
  caseId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionSupervisionAlertArgs = {
  departmentCode: Scalars['String']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionTransferStatusChangedArgs = {
  caseId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
  transferId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWorkOrderUpdatedArgs = {
  departmentCode: Scalars['String']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};

/** A 督办 item raised or changed, for the department that must act */
export type SupervisionAlert = {
  __typename?: 'SupervisionAlert';
  /** RAISED (by the scheduler), ISSUED (by a supervisor), RESPONDED or CLOSED */
  change: Scalars['String']['output'];
  deadlineKind?: Maybe<Scalars['String']['output']>;
  departmentCode: Scalars['String']['output'];
  dueAt: Scalars['DateTime']['output'];
  level: SupervisionLevel;
  occurredAt: Scalars['DateTime']['output'];
  reason: SupervisionReason;
  /** Case number, transfer number or order number */
  reference: Scalars['String']['output'];
  /** Position in the event log: pass it as `since` to resume */
  sequence: Scalars['String']['output'];
  status: SupervisionStatus;
  supervisionItemId: Scalars['ID']['output'];
  targetId: Scalars['ID']['output'];
  targetType: SupervisionTargetType;
};

/** 督办: an order to a department to act on a case, request, transfer, work order or publication */
export type SupervisionItem = {
  __typename?: 'SupervisionItem';
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The deadline kind that raised it (FILING, DECISION, ASSIST_REPLY, WORK_ORDER_SIGN, PUBLICATION …); null when issued by a supervisor */
  deadlineKind?: Maybe<Scalars['String']['output']>;
  /** When the department must answer (for a REMINDER: the deadline itself) */
  dueAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  /** sub of the supervisor, or deadline-scheduler */
  issuedBy: Scalars['String']['output'];
  level: SupervisionLevel;
  note?: Maybe<Scalars['String']['output']>;
  reason: SupervisionReason;
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  response?: Maybe<Scalars['String']['output']>;
  status: SupervisionStatus;
  targetId: Scalars['ID']['output'];
  targetType: SupervisionTargetType;
};

/** A page of supervision items, newest first */
export type SupervisionItemConnection = {
  __typename?: 'SupervisionItemConnection';
  edges: Array<SupervisionItemEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SupervisionItemEdge = {
  __typename?: 'SupervisionItemEdge';
  cursor: Scalars['String']['output'];
  node: SupervisionItem;
};

export type SupervisionItemFilter = {
  /** true: raised by the deadline scheduler; false: issued by a supervisor */
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<Array<SupervisionLevel>>;
  status?: InputMaybe<Array<SupervisionStatus>>;
  targetId?: InputMaybe<Scalars['ID']['input']>;
  targetType?: InputMaybe<SupervisionTargetType>;
};

export type SupervisionLevel =
  /** 红牌: long overdue */
  | 'RED'
  /** 提醒: the deadline is near */
  | 'REMINDER'
  /** 黄牌: overdue */
  | 'YELLOW';

export type SupervisionReason =
  /** 投诉 */
  | 'COMPLAINT'
  /** Other */
  | 'OTHER'
  /** A deadline is near or past (raised by the deadline scheduler, or by a supervisor) */
  | 'OVERDUE'
  /** 案卷评查 finding */
  | 'REVIEW_FINDING';

/** One run of the deadline scheduler */
export type SupervisionScanResult = {
  __typename?: 'SupervisionScanResult';
  closed: Scalars['Int']['output'];
  openDeadlines: Scalars['Int']['output'];
  raised: Scalars['Int']['output'];
  /** false when another hub instance was scanning at that moment */
  ran: Scalars['Boolean']['output'];
};

/** 网上监督 statistics for supervisors over a period, broken down by street, department, category or source */
export type SupervisionStats = {
  __typename?: 'SupervisionStats';
  /** The instant open deadlines are judged at: the end of the period, or now if earlier */
  asOf: Scalars['DateTime']['output'];
  groupBy: StatsGroupBy;
  period: StatsPeriod;
  /** One row per group that has a case registered before the end of the period or a work order evaluated in it (a row may be all zeros); ordered by key (categories and sources in their enum order), UNASSIGNED last */
  rows: Array<StatsRow>;
  /** All groups together: every count and sum equals the sum over the rows */
  total: StatsRow;
};

export type SupervisionStatus =
  /** Closed by a supervisor, or by the scheduler once the deadline was met */
  | 'CLOSED'
  /** Waiting for the department’s answer */
  | 'OPEN'
  /** Answered; waiting for the supervisor */
  | 'RESPONDED';

/** What a 督办 item is about */
export type SupervisionTargetType =
  /** 协办请求 */
  | 'ASSIST_REQUEST'
  /** 案件 */
  | 'CASE'
  /** 双公示 report */
  | 'PENALTY_PUBLICATION'
  /** 移送 */
  | 'TRANSFER'
  /** 12345 工单 */
  | 'WORK_ORDER';

/** 移送 (to judicial organs) or 移交 (to another department) */
export type Transfer = {
  __typename?: 'Transfer';
  /** Amount involved (涉案金额), yuan */
  amountInvolved?: Maybe<Scalars['Decimal']['output']>;
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  approvedBy?: Maybe<Scalars['String']['output']>;
  case: EnforcementCase;
  /** Approval (3 working days), hand-over (24 h), police decision (3 working days), reconsideration */
  deadlines: Array<TransferDeadline>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decisionDueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Writes to the platform and their delivery state (DEAD needs an operator) */
  deliveries: Array<OutboxDelivery>;
  /** Latest detail from the platform (filedCaseNo, notFiledReason, missingItems…) */
  detail?: Maybe<Scalars['JSON']['output']>;
  facts: Scalars['String']['output'];
  fromDepartment: Department;
  /** Every status, oldest first */
  history: Array<TransferStatusChange>;
  id: Scalars['ID']['output'];
  kind: TransferKind;
  materials: Array<TransferMaterial>;
  /** Mandatory materials not yet attached */
  missingMaterials: Array<MaterialKind>;
  platformTransferId?: Maybe<Scalars['String']['output']>;
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  receivingUnit: Scalars['String']['output'];
  reconsiderationDeadline?: Maybe<Scalars['DateTime']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  requestedBy: Scalars['String']['output'];
  returnReason?: Maybe<Scalars['String']['output']>;
  /** Last platform sequence applied */
  sequence: Scalars['Int']['output'];
  status: TransferStatus;
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Suspected charges (涉嫌罪名) */
  suspectedCharges: Array<Scalars['String']['output']>;
  toDepartment?: Maybe<Department>;
  transferNo: Scalars['String']['output'];
};

export type TransferDeadline = {
  __typename?: 'TransferDeadline';
  dueAt: Scalars['DateTime']['output'];
  kind: TransferDeadlineKind;
  metAt?: Maybe<Scalars['DateTime']['output']>;
  overdue: Scalars['Boolean']['output'];
};

export type TransferDeadlineKind =
  /** The head approves or refuses within 3 working days of the request (310号令 Art. 5) */
  | 'APPROVAL'
  /** Hand over within 24 hours of approval (310号令 Art. 8) */
  | 'HANDOVER'
  /** Public security decides within 3 working days of receipt (310号令 Art. 8) */
  | 'POLICE_DECISION'
  /** Reconsideration may be requested within 3 working days of NOT_FILED (310号令 Art. 9) */
  | 'RECONSIDERATION';

export type TransferKind =
  /** 移交: hand-over to another department inside the hub */
  | 'INTERNAL'
  /** 移送司法机关 through the 两法衔接 platform */
  | 'JUDICIAL';

/** A material attached to a transfer, identified by its content hash */
export type TransferMaterial = {
  __typename?: 'TransferMaterial';
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fileName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: MaterialKind;
  sha256: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  /** Upload id at the platform, once uploaded */
  uploadId?: Maybe<Scalars['String']['output']>;
};

/** A file for a transfer, sent inline as base64 (size limit TRANSFER_MATERIAL_MAX_BYTES) */
export type TransferMaterialInput = {
  /** The file, base64-encoded */
  contentBase64: Scalars['String']['input'];
  contentType: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  kind: MaterialKind;
  /** SHA-256 the client computed; refused if it differs */
  sha256?: InputMaybe<Scalars['String']['input']>;
};

/** Status of a transfer; platform statuses mirror the 两法衔接 platform */
export type TransferStatus =
  /** Internal hand-over accepted by the receiving department */
  | 'ACCEPTED'
  /** Approved; hand over within 24 hours */
  | 'APPROVED'
  /** Not yet asked for approval */
  | 'DRAFT'
  /** 立案 */
  | 'FILED'
  /** 不予立案; reconsideration possible within 3 working days */
  | 'NOT_FILED'
  /** Waiting for the head’s approval (3 working days) */
  | 'PENDING_APPROVAL'
  /** The platform received it; police decide within 3 working days */
  | 'RECEIVED'
  /** 复议中 */
  | 'RECONSIDERATION_REQUESTED'
  /** 复议后立案 */
  | 'RECONSIDERED_FILED'
  /** 复议维持不予立案 */
  | 'RECONSIDERED_UPHELD'
  /** Not approved by the head, or an internal hand-over returned */
  | 'REJECTED'
  /** 退回补充材料 */
  | 'RETURNED'
  /** Committed for delivery to the platform (outbox) */
  | 'SUBMITTED'
  /** 审查中 */
  | 'UNDER_REVIEW'
  /** 撤回 */
  | 'WITHDRAWN';

/** One status a transfer went through */
export type TransferStatusChange = {
  __typename?: 'TransferStatusChange';
  detail?: Maybe<Scalars['JSON']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  recordedAt: Scalars['DateTime']['output'];
  /** Platform sequence number */
  sequence?: Maybe<Scalars['Int']['output']>;
  status: TransferStatus;
};

/** A transfer (移送/移交) moved to a new status */
export type TransferStatusUpdate = {
  __typename?: 'TransferStatusUpdate';
  caseId: Scalars['ID']['output'];
  detail?: Maybe<Scalars['JSON']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  /** The 两法衔接 platform’s sequence number of the status, when it came from the platform */
  platformSequence?: Maybe<Scalars['Int']['output']>;
  /** Position of the event in the hub’s event log; subscribe again with `since` set to it to receive what follows */
  sequence: Scalars['String']['output'];
  status: TransferStatus;
  transferId: Scalars['ID']['output'];
  transferNo: Scalars['String']['output'];
};

/** Changes to an agreement (ADMIN); what is left out stays. The next request of the partner follows the change. */
export type UpdateDataSharingAgreementInput = {
  categories?: InputMaybe<Array<PowerCategory>>;
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
  purpose?: InputMaybe<Scalars['String']['input']>;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Why the identity is checked; audited by public security */
export type VerificationPurpose =
  /** 案件调查取证 */
  | 'CASE_INVESTIGATION'
  /** 文书送达 */
  | 'DOCUMENT_SERVICE'
  /** 处罚执行 */
  | 'PENALTY_ENFORCEMENT';

/** 12345 工单: a citizen’s request dispatched by the hotline, mirrored from it */
export type WorkOrder = {
  __typename?: 'WorkOrder';
  address: Scalars['String']['output'];
  /** The handling unit (承办单位) the hotline assigned the order to */
  assigneeCode: Scalars['String']['output'];
  /** The case opened for this order */
  case?: Maybe<EnforcementCase>;
  category: WorkOrderCategory;
  /** PHONE, WEB, APP or WECHAT */
  channel: Scalars['String']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  content: Scalars['String']['output'];
  deadlines: Array<WorkOrderDeadline>;
  /** The street team the order is routed to (null while unrouted) */
  department?: Maybe<Department>;
  /** 1 on first dispatch; +1 on each re-dispatch */
  dispatchRound: Scalars['Int']['output'];
  dispatchedAt: Scalars['DateTime']['output'];
  /** SATISFIED 满意, BASICALLY_SATISFIED 基本满意 or DISSATISFIED 不满意 */
  evaluation?: Maybe<Scalars['String']['output']>;
  evaluationComment?: Maybe<Scalars['String']['output']>;
  extension?: Maybe<WorkOrderExtension>;
  /** The hotline’s last change */
  hotlineUpdatedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Why the hotline refused the last action (its code and message) */
  lastActionError?: Maybe<Scalars['String']['output']>;
  lastUrgeReason?: Maybe<Scalars['String']['output']>;
  /** 工单编号 */
  orderNo: Scalars['String']['output'];
  /** Signing or replying is overdue (the hotline’s flags, or past due now) */
  overdue: Scalars['Boolean']['output'];
  /** An action queued for the hotline and not yet answered */
  pendingAction?: Maybe<WorkOrderAction>;
  /** 权责清单事项编码, if the hotline gave one */
  powerItemCode?: Maybe<Scalars['String']['output']>;
  recallReason?: Maybe<Scalars['String']['output']>;
  relatedOrderNo?: Maybe<Scalars['String']['output']>;
  repliedAt?: Maybe<Scalars['DateTime']['output']>;
  repliedBy?: Maybe<Scalars['String']['output']>;
  replyDeadline: Scalars['DateTime']['output'];
  /** Offered once the linked case is closed or not filed */
  replyOffer?: Maybe<WorkOrderReplyOffer>;
  replyResult?: Maybe<Scalars['String']['output']>;
  requester: WorkOrderRequester;
  returnDeadline?: Maybe<Scalars['DateTime']['output']>;
  returnReasonCode?: Maybe<Scalars['String']['output']>;
  returnReasonText?: Maybe<Scalars['String']['output']>;
  signDeadline: Scalars['DateTime']['output'];
  signedAt?: Maybe<Scalars['DateTime']['output']>;
  signedBy?: Maybe<Scalars['String']['output']>;
  status: WorkOrderStatus;
  /** 所属街道 as the hotline gave it */
  street?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** 催办次数 in the current round */
  urgeCount: Scalars['Int']['output'];
  urgency: WorkOrderUrgency;
  /** The hotline’s version of the order */
  version: Scalars['Int']['output'];
};

/** An action of the handling team sent to the hotline */
export type WorkOrderAction =
  | 'EXTENSION'
  | 'REPLY'
  | 'RETURN'
  | 'SIGN';

export type WorkOrderCategory =
  /** 投诉 (15 working days) */
  | 'COMPLAINT'
  /** 咨询 (reply within 2 working days) */
  | 'CONSULTATION'
  /** 求助 (10 working days) */
  | 'HELP'
  /** 举报 (15 working days) */
  | 'REPORT'
  /** 建议 (10 working days) */
  | 'SUGGESTION';

/** A page of work orders, newest dispatch first */
export type WorkOrderConnection = {
  __typename?: 'WorkOrderConnection';
  edges: Array<WorkOrderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkOrderDeadline = {
  __typename?: 'WorkOrderDeadline';
  /** As delivered by the hotline (authoritative) */
  dueAt: Scalars['DateTime']['output'];
  kind: WorkOrderDeadlineKind;
  metAt?: Maybe<Scalars['DateTime']['output']>;
  overdue: Scalars['Boolean']['output'];
};

export type WorkOrderDeadlineKind =
  /** 办结时限: by category and urgency, replaced by an approved extension */
  | 'REPLY'
  /** 退单时限: 18:00 of the first working day after signing */
  | 'RETURN'
  /** 签收时限: 2 working hours after dispatch (EMERGENCY 30 minutes) */
  | 'SIGN';

export type WorkOrderEdge = {
  __typename?: 'WorkOrderEdge';
  cursor: Scalars['String']['output'];
  node: WorkOrder;
};

/** 延期申请 and the hotline’s decision */
export type WorkOrderExtension = {
  __typename?: 'WorkOrderExtension';
  comment?: Maybe<Scalars['String']['output']>;
  extensionId?: Maybe<Scalars['String']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  requestedDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** PENDING, APPROVED or DENIED; null while the request is being sent */
  status?: Maybe<Scalars['String']['output']>;
};

/** 延期申请 */
export type WorkOrderExtensionInput = {
  reason: Scalars['String']['input'];
  /** Must be after the current reply deadline; the hotline may grant an earlier one */
  requestedDeadline: Scalars['DateTime']['input'];
};

/** Which work orders to list; all conditions must hold */
export type WorkOrderFilter = {
  caseId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Array<WorkOrderCategory>>;
  /** The street team the order is routed to */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  dispatchedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exclusive */
  dispatchedTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** true: sign or reply overdue; false: neither */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<WorkOrderStatus>>;
  /** Only orders the hub could not route to a street team */
  unrouted?: InputMaybe<Scalars['Boolean']['input']>;
  urgency?: InputMaybe<Array<WorkOrderUrgency>>;
};

/** The reply the hub offers once the case opened for the order has ended */
export type WorkOrderReplyOffer = {
  __typename?: 'WorkOrderReplyOffer';
  linkedCaseNo?: Maybe<Scalars['String']['output']>;
  offeredAt: Scalars['DateTime']['output'];
  result: Scalars['String']['output'];
};

/** The citizen who called (诉求人). Name and phone are masked except for the hotline centre and the handling team */
export type WorkOrderRequester = {
  __typename?: 'WorkOrderRequester';
  anonymous: Scalars['Boolean']['output'];
  /** Whether name and phone are masked for you */
  masked: Scalars['Boolean']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** e.g. 138****8000 when masked */
  phone?: Maybe<Scalars['String']['output']>;
  /** 是否需要回复 */
  wantsReply: Scalars['Boolean']['output'];
};

/** 退单原因 */
export type WorkOrderReturnReason =
  /** 重复工单 (duplicateOfOrderNo required) */
  | 'DUPLICATE'
  /** 信息不全无法办理 */
  | 'INSUFFICIENT_INFO'
  /** 非本单位职责 */
  | 'NOT_OUR_JURISDICTION';

/** 12345 工单状态 (the hotline’s) */
export type WorkOrderStatus =
  /** 已办结 (evaluated, or 5 working days after the reply) */
  | 'CLOSED'
  /** 已派单 */
  | 'DISPATCHED'
  /** 已撤回 by the hotline centre */
  | 'RECALLED'
  /** 已反馈 */
  | 'REPLIED'
  /** 已退单 */
  | 'RETURNED'
  /** 已签收 */
  | 'SIGNED';

/** A change of a work order (no personal data) */
export type WorkOrderUpdate = {
  __typename?: 'WorkOrderUpdate';
  action?: Maybe<WorkOrderAction>;
  caseId?: Maybe<Scalars['ID']['output']>;
  /** DISPATCHED, REDISPATCHED, URGED, RECALLED, EVALUATED, EXTENSION_DECIDED, SYNCED, ACTION_QUEUED, ACTION_CONFIRMED, ACTION_REFUSED, CASE_LINKED, REPLY_OFFERED or ROUTED */
  change: Scalars['String']['output'];
  departmentCode?: Maybe<Scalars['String']['output']>;
  dispatchRound: Scalars['Int']['output'];
  occurredAt: Scalars['DateTime']['output'];
  orderNo: Scalars['String']['output'];
  /** Position in the event log: pass it as `since` to resume */
  sequence: Scalars['String']['output'];
  status: WorkOrderStatus;
  urgeCount: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
  workOrderId: Scalars['ID']['output'];
};

export type WorkOrderUrgency =
  /** 特急: sign within 30 minutes, reply within 2 hours */
  | 'EMERGENCY'
  /** 一般 */
  | 'NORMAL'
  /** 紧急: reply within 1 working day */
  | 'URGENT';
