/** Stub until the CTS import lands (its engineer replaces this file): the page renders it already. */
export async function CtsImportPanel({ accountId, projectId }: { accountId: string; projectId: string }) {
  return (
    <p className="text-sm text-muted-foreground" data-account={accountId} data-project={projectId}>
      Imports from CTS are not set up yet.
    </p>
  );
}
