import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { signingCredential } from "@/lib/cloud/credential";
import { CloudError } from "@/lib/cloud/errors";
import { showPermanentAccessKey } from "@/lib/cloud/iam";
import type { AccessKeyPair } from "@/lib/cloud/signer";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";

/**
 * Checks an access key a user entrusts to a token, before it is kept: one IAM call signed with the pair
 * (ShowPermanentAccessKey of its own AK, in the session's account) proves that the SK works and names the
 * key's user, who must be the signed-in one, so that the token never does more than its user could. A pair
 * the cloud refuses is refused on the SK's field, another user's key on the AK's.
 */
export async function checkEntrustedKey(session: StoredSession, key: AccessKeyPair): Promise<AccessKeyPair> {
  const credential = signingCredential({ ...key, projectId: session.projectId, domainId: session.accountId });
  const refused = new UserError(
    "invalid_input",
    text("tokens.errors.keyRefused", { account: session.accountName }),
    "secretKey",
  );
  let owner: string;
  try {
    const shown = await showPermanentAccessKey(credential, session.region, key.ak);
    if (shown.status !== "active") throw refused;
    owner = shown.user_id;
  } catch (e) {
    // 401: a wrong SK, an unknown or disabled AK, or a key of another account; 403/404: IAM would not
    // show the key to its own signature. Anything else (the cloud unreachable) is the cloud's error.
    if (e instanceof CloudError && [401, 403, 404].includes(e.status)) throw refused;
    throw e;
  }
  if (owner !== session.userId)
    throw new UserError("forbidden", text("tokens.errors.keyOfAnotherUser", { user: session.userName }), "accessKey");
  return key;
}
