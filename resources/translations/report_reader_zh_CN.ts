<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/ui/about.py" line="44" />
        <source>About Report Reader</source>
        <translation>关于报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="47" />
        <source>Report Reader</source>
        <translation>报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="48" />
        <source>A desktop reader for Chinese government work reports.</source>
        <translation>阅读政府工作报告等政府文件的桌面应用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="54" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="56" />
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="56" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="56" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/launch.py" line="148" />
        <location filename="../../reader/ui/main_window.py" line="83" />
        <source>Report Reader</source>
        <translation>报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="116" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="120" />
        <source>Reading progress</source>
        <translation>阅读进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141" />
        <source>Open &amp;URL…</source>
        <translation>打开网址(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143" />
        <source>Export as P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="144" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="145" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="147" />
        <source>Copy with &amp;Citation</source>
        <translation>复制并引用(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150" />
        <source>Copy &amp;Section Link</source>
        <translation>复制章节链接(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="153" />
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="156" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="159" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="161" />
        <source>&amp;Normal Size</source>
        <translation>默认大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="162" />
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="164" />
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172" />
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174" />
        <source>Next Panel</source>
        <translation>下一个面板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="176" />
        <source>Document &amp;Information</source>
        <translation>文件信息(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="180" />
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="181" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="182" />
        <source>&amp;Sepia</source>
        <translation>护眼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="183" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="203" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="206" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="213" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="217" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="220" />
        <source>Text &amp;Size</source>
        <translation>字体大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="223" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="226" />
        <source>Line &amp;Spacing</source>
        <translation>行距(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="231" />
        <source>&amp;Outline</source>
        <translation>目录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="238" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="239" />
        <source>&amp;About Report Reader</source>
        <translation>关于报告阅读器(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="244" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="251" />
        <source>Text size:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="265" />
        <location filename="../../reader/ui/main_window.py" line="266" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="323" />
        <source>Text size: %1 px</source>
        <translation>字号：%1 像素</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="363" />
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="363" />
        <source>Reports (*.html *.htm *.shtml *.txt *.md);;All files (*)</source>
        <translation>报告 (*.html *.htm *.shtml *.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="370" />
        <source>Open URL</source>
        <translation>打开网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="370" />
        <source>Address of a report page:</source>
        <translation>报告网页地址：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="382" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="386" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="392" />
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="414" />
        <source>%1 — Report Reader</source>
        <translation>%1 — 报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="437" />
        <source>%1% · %2 · about %3 min left</source>
        <translation>%1% · %2 · 约剩 %3 分钟</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="483" />
        <source>Copied with citation</source>
        <translation>已复制（含引用）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="495" />
        <source>Section link copied</source>
        <translation>已复制章节链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="508" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="515" />
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="515" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="524" />
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="529" />
        <source>PDF written: %1</source>
        <translation>PDF 已保存：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="538" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="543" />
        <source>Could not finish: %1</source>
        <translation>未能完成：%1</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../reader/ui/widgets.py" line="116" />
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>MetadataCard</name>
    <message>
        <location filename="../../reader/ui/widgets.py" line="32" />
        <location filename="../../reader/ui/widgets.py" line="66" />
        <source>Document information</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="50" />
        <source>Index no.</source>
        <translation>索引号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="51" />
        <source>Category</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="52" />
        <source>Issued by</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="53" />
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="54" />
        <source>Published</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="55" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="56" />
        <source>Document no.</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/widgets.py" line="57" />
        <source>Keywords</source>
        <translation>主题词</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="35" />
        <location filename="../../reader/ui/outline_panel.py" line="55" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="42" />
        <location filename="../../reader/ui/outline_panel.py" line="43" />
        <source>Filter outline</source>
        <translation>筛选目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="45" />
        <location filename="../../reader/ui/outline_panel.py" line="46" />
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="47" />
        <location filename="../../reader/ui/outline_panel.py" line="48" />
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../reader/ui/reading_view.py" line="33" />
        <source>Report text</source>
        <translation>报告正文</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../reader/ui/launch.py" line="100" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
</TS>