/** A member of the phone image as the members table and the unshare dialog show it. */
export interface MemberRow {
  memberId: string;
  /** Set when the member is one of the user's own projects. */
  projectName?: string;
  createTime: number;
  updateTime: number;
}
