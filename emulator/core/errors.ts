/**
 * Error bodies per layer (reference section 1.3). Handlers throw an ApiError; the server renders it
 * with the response's request id.
 */

export interface RenderContext {
  requestId: string;
  /** The request is on a native Glance path, where every top-level value must be an object. */
  glancePath: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly render: (ctx: RenderContext) => unknown,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Documented messages of the IMS codes (section 8). */
export const IMS_MESSAGES: Record<string, string> = {
  "IMG.0001": "The request message format is invalid.",
  "IMG.0007": "The request body is empty.",
  "IMG.0017": "The URL format is incorrect.",
  "IMG.0018": "An error occurred when the job was submitted.",
  "IMG.0023": "An exception occurred during task query.",
  "IMG.0024": "The image type in the request is incorrect.",
  "IMG.0026":
    "The role is invalid. You need to apply for the required permissions or pass the real-name authentication.",
  "IMG.0027": "The image ID in the request does not exist.",
  "IMG.0030": "The project ID and token in the request are invalid.",
  "IMG.0041": "The authorized account is empty.",
  "IMG.0046": "The image is unavailable.",
  "IMG.0047": "This operation can be performed only by the image owner.",
  "IMG.0060": "The number of tasks exceeds the flow control limit.",
  "IMG.0066": "The image ID is incorrect.",
  "IMG.0067": "The project ID is incorrect.",
  "IMG.0076": "You cannot share an image with yourself.",
  "IMG.0083": "The image is a public image.",
  "IMG.0086": "No image was found.",
  "IMG.0087": "The token is incorrect.",
  "IMG.0088": "The number of shared images has reached the maximum allowed.",
  "IMG.0089": "The public image cannot be shared.",
  "IMG.0098": "The encrypted image cannot be shared.",
  "IMG.0105": "The operation is not supported.",
  "IMG.0106": "The image owner is another tenant.",
  "IMG.0108": "The tenant ID was not found in the current region.",
  "IMG.0112": "Failed to add the tenant.",
  "IMG.0113": "Failed to delete the tenant.",
  "IMG.0114": "Failed to query the tenant.",
  "IMG.0135": "The full-ECS image cannot be shared.",
  "IMG.0144": "The image does not exist.",
  "IMG.0161": "You do not have permission.",
  "IMG.0177": "The source and target tenants reside in different regions.",
  "IMG.0178": "The target tenant is the same as the source tenant.",
  "IMG.0182": "Insufficient vault capacity. Please expand the capacity.",
  "IMG.0184": "Failed to obtain the vault.",
  "IMG.0188": "Vault is unavailable.",
  "IMG.0193": "The vault is not a cloud server backup vault.",
  "IMG.0196": "The image cannot be replicated because it is not accepted by the recipient.",
};

export function imsMessage(code: string): string {
  return IMS_MESSAGES[code] ?? "The request failed.";
}

/** IMS: `{"error":{"message","code"}}`, HTTP 400 unless stated. */
export function imsError(code: string, status = 400, message = imsMessage(code)): ApiError {
  return new ApiError(status, () => ({ error: { message, code } }), `${code} ${message}`);
}

/** Glance-style error for native API cases IMS does not document (404, 409): still `{"error": {...}}`. */
export function glanceError(status: 403 | 404 | 409, message: string): ApiError {
  const title = { 403: "Forbidden", 404: "Not Found", 409: "Conflict" }[status];
  return new ApiError(status, () => ({ error: { message, code: `${status} ${title}`, title } }), message);
}

/** API gateway: flat `{"error_msg","error_code","request_id"}`, nested on Glance paths when configured. */
export function gatewayError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ApiError {
  return new ApiError(
    status,
    ({ requestId, glancePath }) =>
      glancePath
        ? { error: { message, code, request_id: requestId } }
        : { error_msg: message, error_code: code, request_id: requestId },
    `${code} ${message}`,
    headers,
  );
}

const HTTP_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Request Entity Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** IAM, Keystone style: `{"error":{"message","code":<int>,"title"}}`. */
export function keystoneError(status: number, message: string): ApiError {
  return new ApiError(
    status,
    () => ({ error: { message, code: status, title: HTTP_TITLES[status] ?? "Error" } }),
    message,
  );
}

/** CPH: flat `{"request_id","error_code","error_msg"}`. */
export function cphError(code: string, message: string, status = 400): ApiError {
  return new ApiError(
    status,
    ({ requestId }) => ({ request_id: requestId, error_code: code, error_msg: message }),
    `${code} ${message}`,
  );
}

/** CTS and CBR: flat `{"error_code","error_msg"}` (the Huawei SDK parses it like the others). */
export function serviceError(code: string, message: string, status = 400): ApiError {
  return new ApiError(
    status,
    ({ requestId }) => ({ error_code: code, error_msg: message, request_id: requestId }),
    `${code} ${message}`,
  );
}

/**
 * SMN: `{"request_id","code","message"}`, the exception body of SMN's API reference. Huawei's SDK reads
 * only `error_code`/`error_msg` (or `error.code`), so an SDK caller sees SMN's status and text, not its code.
 */
export function smnError(code: string, message: string, status = 400, headers: Record<string, string> = {}): ApiError {
  return new ApiError(
    status,
    ({ requestId }) => ({ request_id: requestId, code, message }),
    `${code} ${message}`,
    headers,
  );
}
