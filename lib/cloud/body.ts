/** An answer's body: its JSON, its text when it is not JSON, or undefined when it is empty. */
export async function readJsonBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
