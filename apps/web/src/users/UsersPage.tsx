import { STAFF_ROLES, type StaffRole, type StaffUser } from '@rubricon/contracts';
import { CheckCircleFilled, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { formatDate } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { useCreateUser, useUpdateUser, useUsers, type NewUser, type UserChanges } from './queries';

/** Admin: staff accounts — create, change role, reset password, deactivate. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const users = useUsers();
  const me = useMe().data;
  const update = useUpdateUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const { token } = theme.useToken();
  usePageTitle(t('title'));

  const change = (user: StaffUser, changes: UserChanges) =>
    update.mutateAsync({ id: user.id, changes }).then(
      () => void message.success(t('updatedOk')),
      (error: unknown) => void message.error(errorText(error)),
    );
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: common(`roles.${role}`) }));

  return (
    <section aria-labelledby="users-title">
      <Flex align="center" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Title id="users-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('add')}
        </Button>
      </Flex>
      {users.error ? (
        <PageError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<StaffUser>
          rowKey="id"
          aria-label={t('title')}
          loading={users.isPending}
          dataSource={users.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: t('name'),
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name),
              render: (name: string, u) => (
                <>
                  {name} {u.id === me?.id && <Tag>{t('you')}</Tag>}
                </>
              ),
            },
            { title: t('email'), dataIndex: 'email', sorter: (a, b) => a.email.localeCompare(b.email) },
            {
              title: t('role'),
              dataIndex: 'role',
              filters: roleOptions.map((o) => ({ text: o.label, value: o.value })),
              onFilter: (value, u) => u.role === value,
              render: (role: StaffRole, u) => (
                <Select<StaffRole>
                  aria-label={`${t('changeRole')}: ${u.name}`}
                  value={role}
                  options={roleOptions}
                  disabled={u.id === me?.id}
                  style={{ width: 140 }}
                  onChange={(next) => void change(u, { role: next })}
                />
              ),
            },
            {
              title: t('status'),
              dataIndex: 'active',
              render: (active: boolean) =>
                active ? (
                  <span>
                    <CheckCircleFilled style={{ color: token.colorSuccess }} /> {t('active')}
                  </span>
                ) : (
                  <span>
                    <StopOutlined style={{ color: token.colorTextTertiary }} /> {t('inactive')}
                  </span>
                ),
            },
            { title: t('created'), dataIndex: 'createdAt', render: (value: string) => formatDate(lang, value) },
            {
              title: common('actions'),
              key: 'actions',
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => setResetting(u)}>
                    {t('resetPassword')}
                  </Button>
                  {u.id !== me?.id &&
                    (u.active ? (
                      <Popconfirm
                        title={t('deactivateConfirm', { name: u.name })}
                        okText={t('deactivate')}
                        cancelText={common('cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => change(u, { active: false })}
                      >
                        <Button size="small" danger>
                          {t('deactivate')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" onClick={() => void change(u, { active: true })}>
                        {t('reactivate')}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {adding && <AddUser onClose={() => setAdding(false)} />}
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}

function AddUser({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: common } = useTranslation();
  const create = useCreateUser();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const required = { required: true, whitespace: true, message: t('required') };
  return (
    <Modal
      open
      title={t('add')}
      okText={common('save')}
      cancelText={common('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewUser>
        form={form}
        layout="vertical"
        initialValues={{ role: 'interviewer' }}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (user) => {
              void message.success(t('createdOk', { name: user.name }));
              onClose();
            },
          })
        }
      >
        <Form.Item label={t('name')} name="name" rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('email')} name="email" rules={[required, { type: 'email', message: t('emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('role')} name="role" rules={[required]}>
          <Select options={STAFF_ROLES.map((role) => ({ value: role, label: common(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('password')}
          name="password"
          extra={t('passwordHint')}
          rules={[required, { min: 10, message: t('passwordShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {create.error && (
          <Typography.Text type="danger" role="alert">
            {errorText(create.error)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

function ResetPassword({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: common } = useTranslation();
  const update = useUpdateUser();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal
      open
      title={`${t('resetPassword')}: ${user.name}`}
      okText={common('save')}
      cancelText={common('cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ password: string }>
        form={form}
        layout="vertical"
        onFinish={({ password }) =>
          update.mutate(
            { id: user.id, changes: { password } },
            {
              onSuccess: () => {
                void message.success(t('updatedOk'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          label={t('newPassword')}
          name="password"
          extra={t('passwordHint')}
          rules={[
            { required: true, message: t('required') },
            { min: 10, message: t('passwordShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {update.error && (
          <Typography.Text type="danger" role="alert">
            {errorText(update.error)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
