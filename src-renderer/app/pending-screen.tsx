/** Shown in a tab whose screen is not part of this build yet. */
export function PendingScreen({ title, what }: { title: string; what: string }) {
  return (
    <div className="panel pending-screen">
      <h2>{title}</h2>
      <p>{what}</p>
    </div>
  );
}
