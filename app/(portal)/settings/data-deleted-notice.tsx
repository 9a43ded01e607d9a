/** The final state after "delete all our data": the session's portal no longer exists here. */
export function DataDeletedNotice({ title, body }: { title: string; body: string }) {
  return (
    <section role="status" className="max-w-2xl rounded-lg border border-b24-success/60 bg-b24-success/10 p-6" data-testid="data-deleted">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-3">{body}</p>
    </section>
  );
}
