/** Undoes what the engine recorded in the step's state. Filled in by the publishing engine. */
export async function cleanup(_getState: (name: string) => string): Promise<void> {}
