import { Alert } from 'antd';
import { useErrorText } from '../i18n/staff';

/** Why an invitation was refused, in the interface language. */
export function InviteRefusal({ error }: { error: unknown; rows?: { name: string; email: string }[] }) {
  const errorText = useErrorText();
  return <Alert type="error" role="alert" showIcon title={errorText(error)} style={{ marginTop: 12 }} />;
}
