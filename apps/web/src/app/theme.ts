import type { ThemeConfig } from 'antd';

/**
 * The staff app's look, as antd design tokens: screens use tokens (theme.useToken) and antd
 * components, never raw colours. colorPrimary keeps 4.5:1 against white for text and focus rings.
 */
export const staffTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff' },
  },
};
