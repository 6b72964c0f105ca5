// Registers the case store's enums with GraphQL once, with their legal names as descriptions.
import { registerEnumType } from 'type-graphql';
import {
  AssistKind,
  AssistStatus,
  CaseEventType,
  CaseSource,
  CaseStage,
  DepartmentKind,
  DocumentKind,
  EvidenceKind,
  LegalReviewOpinion,
  MaterialKind,
  PartyKind,
  PartyRole,
  PenaltyKind,
  PowerCategory,
  ServiceMethod,
  TransferKind,
  TransferStatus,
} from '../../generated/prisma/enums';

registerEnumType(CaseStage, {
  name: 'CaseStage',
  description: 'Stage of a case under 行政处罚法 (2021)',
  valuesConfig: {
    RECEIVED: { description: '受理' },
    FILED: { description: '立案' },
    NOT_FILED: { description: '不予立案' },
    INVESTIGATING: { description: '调查取证' },
    NOTIFIED: { description: '告知 (陈述申辩、听证权利)' },
    LEGAL_REVIEW: { description: '法制审核 (Art. 58)' },
    DECIDED: { description: '作出决定 (Art. 60: within 90 days of filing)' },
    SERVED: { description: '送达 (Art. 61: within 7 working days)' },
    EXECUTING: { description: '执行 (Art. 67: payment within 15 days)' },
    CLOSED: { description: '结案' },
    TRANSFERRED: { description: '移送司法机关 (Art. 27, 57)' },
  },
});
registerEnumType(CaseSource, {
  name: 'CaseSource',
  description: 'Where a case came from (案件来源)',
  valuesConfig: {
    PATROL: { description: '巡查' },
    CITIZEN_REPORT: { description: '市民举报' },
    DIGITAL_CITY: { description: '数字城管' },
    HOTLINE_12345: { description: '12345 热线派单' },
    DEPT_TRANSFER: { description: '部门移交' },
    VIDEO_DETECTION: { description: '视频识别' },
  },
});
registerEnumType(PowerCategory, {
  name: 'PowerCategory',
  description: 'The 18 street enforcement matters (街道综合执法事项类别)',
  valuesConfig: {
    CITY_APPEARANCE: { description: '城市管理（市容环卫）' },
    OUTDOOR_ADVERTISING: { description: '户外广告' },
    ROAD_OCCUPATION: { description: '占道' },
    FORESTRY: { description: '林业' },
    INTERIOR_RENOVATION: { description: '二次装修' },
    EDUCATION_TRAINING: { description: '教育培训' },
    AFTER_SCHOOL_CARE: { description: '校外托管' },
    GAS: { description: '燃气' },
    WASTE_BURNING: { description: '焚烧固废' },
    CULTURE: { description: '文化' },
    QUARRYING: { description: '采石取土' },
    FUNERAL: { description: '殡葬' },
    INTERNET_CAFE: { description: '网吧' },
    RIVER_CHANNEL: { description: '河道' },
    HOUSING_RENTAL: { description: '房屋租赁' },
    CONSTRUCTION_WASTE: { description: '建筑废弃物' },
    ILLEGAL_CONSTRUCTION: { description: '查违' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(DepartmentKind, { name: 'DepartmentKind', description: 'Kind of department (部门类型)' });
registerEnumType(PartyKind, { name: 'PartyKind', description: 'PERSON 自然人 (居民身份证号) or ORGANISATION 法人或其他组织 (统一社会信用代码)' });
registerEnumType(PartyRole, { name: 'PartyRole', description: 'Role of a party in a case' });
registerEnumType(PenaltyKind, { name: 'PenaltyKind', description: 'Kind of administrative penalty (行政处罚种类, Art. 9)' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'Kind of evidence (证据种类, Art. 46)' });
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'Kind of enforcement document (执法文书)' });
registerEnumType(LegalReviewOpinion, { name: 'LegalReviewOpinion', description: 'Opinion of the legal review (法制审核意见)' });
registerEnumType(ServiceMethod, { name: 'ServiceMethod', description: 'How a decision was served (送达方式)' });
registerEnumType(CaseEventType, { name: 'CaseEventType', description: 'Kind of entry in the case history' });

registerEnumType(TransferKind, {
  name: 'TransferKind',
  valuesConfig: {
    JUDICIAL: { description: '移送司法机关 through the 两法衔接 platform' },
    INTERNAL: { description: '移交: hand-over to another department inside the hub' },
  },
});
registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: 'Status of a transfer; platform statuses mirror the 两法衔接 platform',
  valuesConfig: {
    DRAFT: { description: 'Not yet asked for approval' },
    PENDING_APPROVAL: { description: 'Waiting for the head’s approval (3 working days)' },
    APPROVED: { description: 'Approved; hand over within 24 hours' },
    SUBMITTED: { description: 'Committed for delivery to the platform (outbox)' },
    RECEIVED: { description: 'The platform received it; police decide within 3 working days' },
    UNDER_REVIEW: { description: '审查中' },
    FILED: { description: '立案' },
    NOT_FILED: { description: '不予立案; reconsideration possible within 3 working days' },
    RETURNED: { description: '退回补充材料' },
    RECONSIDERATION_REQUESTED: { description: '复议中' },
    RECONSIDERED_FILED: { description: '复议后立案' },
    RECONSIDERED_UPHELD: { description: '复议维持不予立案' },
    WITHDRAWN: { description: '撤回' },
    ACCEPTED: { description: 'Internal hand-over accepted by the receiving department' },
    REJECTED: { description: 'Not approved by the head, or an internal hand-over returned' },
  },
});
registerEnumType(MaterialKind, {
  name: 'MaterialKind',
  description: 'Transfer materials (国务院令第310号 Art. 6); the first four are mandatory',
  valuesConfig: {
    TRANSFER_LETTER: { description: '涉嫌犯罪案件移送书' },
    INVESTIGATION_REPORT: { description: '涉嫌犯罪案件情况的调查报告' },
    EVIDENCE_LIST: { description: '涉案物品清单' },
    INSPECTION_REPORT: { description: '有关检验报告或者鉴定结论' },
    OTHER: { description: '其他有关材料' },
  },
});
registerEnumType(AssistKind, {
  name: 'AssistKind',
  description: 'What is asked of the other department (协办事项)',
  valuesConfig: {
    IDENTITY_CHECK: { description: '身份核查' },
    PERMIT_VERIFICATION: { description: '许可核验' },
    ONSITE_SUPPORT: { description: '公安现场保障 (through the public-security system)' },
    EXPERT_DETERMINATION: { description: '专业认定' },
    DATA_REQUEST: { description: '数据调取' },
  },
});
registerEnumType(AssistStatus, {
  name: 'AssistStatus',
  valuesConfig: {
    REQUESTED: { description: 'Waiting for the other department' },
    ACCEPTED: { description: 'Being handled' },
    REPLIED: { description: 'Answered' },
    DECLINED: { description: 'Declined with a reason' },
    WITHDRAWN: { description: 'Withdrawn by the requester' },
  },
});

export {
  AssistKind,
  AssistStatus,
  CaseEventType,
  CaseSource,
  CaseStage,
  DepartmentKind,
  DocumentKind,
  EvidenceKind,
  LegalReviewOpinion,
  MaterialKind,
  PartyKind,
  PartyRole,
  PenaltyKind,
  PowerCategory,
  ServiceMethod,
  TransferKind,
  TransferStatus,
};
