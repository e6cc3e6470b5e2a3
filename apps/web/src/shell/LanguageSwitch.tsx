import { Segmented } from 'antd';
import { useLang, type Lang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';

/** 中文 / English, on every staff page including sign-in. */
export function LanguageSwitch() {
  const [lang, setLang] = useLang();
  const { t } = useTranslation();
  return (
    <Segmented<Lang>
      aria-label={t('language')}
      data-testid="lang-toggle"
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: <span lang="zh-CN">中文</span>, value: 'zh' },
        { label: <span lang="en">English</span>, value: 'en' },
      ]}
    />
  );
}
