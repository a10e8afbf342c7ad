/** Shapes of the emulated Bitrix24 cloud: what a test seeds and what the emulator keeps per portal. */

export type UserSeed = {
  ID: number;
  NAME: string;
  LAST_NAME?: string;
  EMAIL?: string;
  ACTIVE?: boolean;
  ADMIN?: boolean;
  UF_PHONE_INNER?: string;
  UF_DEPARTMENT?: number[];
  WORK_PHONE?: string;
  PERSONAL_MOBILE?: string;
};

export type DepartmentSeed = { ID: number; NAME: string; SORT?: number; PARENT?: number; UF_HEAD?: number };

/** A CRM record `searchCrmEntities` and `register` can find by phone number. */
export type CrmEntitySeed = {
  CRM_ENTITY_TYPE: 'CONTACT' | 'COMPANY' | 'LEAD';
  CRM_ENTITY_ID: number;
  NAME: string;
  PHONE: string;
  ASSIGNED_BY_ID: number;
};

export type PortalSeed = {
  memberId: string;
  /** Nominal portal host put into events' auth[domain]; defaults to the emulator's own host:port. */
  domain?: string;
  users: UserSeed[];
  departments?: DepartmentSeed[];
  crm?: CrmEntitySeed[];
  appOptions?: Record<string, unknown>;
  /** Scopes granted to the app; default: everything the telephony app needs. */
  scope?: string[];
  /** `false` = installer not finished yet: no event is delivered (installation-finish.md). */
  installed?: boolean;
  applicationToken?: string;
  /** The portal's default outgoing line: `REST_APP:1` (this app, the default) or any other line id. */
  defaultLine?: string;
  status?: 'L' | 'F' | 'D' | 'T' | 'P';
  lang?: string;
};

export type BoundEvent = { event: string; handler: string; auth_type: number; offline: 0 | 1 };
export type BoundPlacement = {
  placement: string;
  handler: string;
  title: string;
  description: string;
  groupName: string;
  userId: number;
  options: Record<string, unknown>;
  langAll: Record<string, unknown>;
};
export type ExternalLine = { ID: number; NUMBER: string; NAME: string; CRM_AUTO_CREATE: 'Y' | 'N' };

export type ExternalCall = {
  CALL_ID: string;
  USER_ID: number;
  PHONE_NUMBER: string;
  TYPE: number;
  LINE_NUMBER: string;
  EXTERNAL_CALL_ID: string;
  CALL_START_DATE: string;
  CRM_ENTITY_TYPE: string | null;
  CRM_ENTITY_ID: number | null;
  registeredAt: number;
  shownTo: number[];
  /** Present once `finish` has run: the statistics row, which `attachRecord` needs. */
  statistic?: Record<string, unknown>;
  record?: { url?: string; fileName?: string; fileId: number };
};

export type Portal = {
  memberId: string;
  domain: string;
  users: UserSeed[];
  departments: DepartmentSeed[];
  crm: CrmEntitySeed[];
  appOptions: Record<string, unknown>;
  userOptions: Map<number, Record<string, unknown>>;
  scope: string[];
  installed: boolean;
  applicationToken: string;
  defaultLine: string;
  /** Users who chose their own default app for outgoing calls. */
  userDefaultLines: Map<number, string>;
  /** Users who have opened the app at least once: FIRST_RUN is true on each user's first open. */
  openedBy: Set<number>;
  status: string;
  lang: string;
  events: BoundEvent[];
  placements: BoundPlacement[];
  lines: ExternalLine[];
  calls: ExternalCall[];
  /** im.notify.system.add's notifications, as the portal keeps them (a TAG replaces the earlier ones). */
  notifications: SystemNotification[];
  nextId: number;
};

export type SystemNotification = {
  ID: number;
  USER_ID: number;
  MESSAGE: string;
  MESSAGE_OUT: string;
  TAG: string;
  SUB_TAG: string;
};

export type TokenRecord = {
  accessToken: string;
  refreshToken: string;
  memberId: string;
  userId: number;
  expiresAt: number;
};

export type RecordedCall = {
  method: string;
  params: Record<string, unknown>;
  auth: string | undefined;
  portal: string | undefined;
  userId: number | undefined;
  time: number;
  status: number;
  response: unknown;
  /** Set for commands executed inside a `batch`. */
  viaBatch?: boolean;
};

export type InjectedFailure =
  | 'expired_token'
  | 'QUERY_LIMIT_EXCEEDED'
  | 'OPERATION_TIME_LIMIT'
  | 'internal'
  | 'network';
