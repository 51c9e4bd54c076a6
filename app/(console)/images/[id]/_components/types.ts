/** A member of the image as the members panel and the unshare dialog show it. */
export interface MemberView {
  id: string;
  type: "project" | "domain" | "organization";
  urn?: string;
  status: "pending" | "accepted" | "rejected";
  createdAt: string;
  updatedAt: string;
  /** Resolved for the user's own account's projects; other accounts' names are not readable. */
  name?: string;
}
