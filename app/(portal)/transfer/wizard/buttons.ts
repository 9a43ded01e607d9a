/** The wizard's two button looks: the step's main action and the way back. */
const button = "rounded-md px-4 py-2 font-medium disabled:opacity-50";
export const primary = `${button} bg-b24-blue text-white hover:bg-b24-blue-dark`;
export const secondary = `${button} border border-b24-border hover:bg-b24-surface`;
