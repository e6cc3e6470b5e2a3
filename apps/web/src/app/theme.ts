import type { ThemeConfig } from 'antd';

/**
 * The staff app's look, as antd design tokens: screens use tokens (theme.useToken) and antd
 * components, never raw colours. colorPrimary keeps 4.5:1 against white for text and focus rings.
 */
export const staffTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    // antd's defaults for secondary text (45 % black, 3.3:1) and for danger text (#ff4d4f,
    // 3.3:1) are below WCAG AA's 4.5:1 on white; these keep every screen readable.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Empty-table and empty-list text; disabled controls keep their faint colour (exempt from contrast).
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.25)',
    colorError: '#c4161c',
    borderRadius: 6,
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    // The "no data" row of a table is text people read, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff' },
  },
};
