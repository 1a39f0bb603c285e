import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send';

/** Display names for company ids, fetched once per new id. */
export function useCompanyNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const missing = ids.filter((id) => !(id in names));
  const key = missing.join(',');
  useEffect(() => {
    if (missing.length === 0) return;
    sendToBackground('getCompanyNames', { ids: missing }).then((found) => setNames((old) => ({ ...old, ...found })), () => undefined);
  }, [key]);
  return names;
}
