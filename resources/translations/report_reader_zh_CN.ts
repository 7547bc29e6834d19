<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/ui/window/about.py" line="45" />
        <source>About Report Reader</source>
        <translation>关于报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="48" />
        <source>Report Reader</source>
        <translation>报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="49" />
        <source>A desktop reader for Chinese government work reports.</source>
        <translation>阅读政府工作报告等政府文件的桌面应用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="55" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="57" />
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="57" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="57" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/about.py" line="63" />
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
</context>
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../reader/ui/analysis/controller.py" line="105" />
        <source>The library is still starting; try again in a moment.</source>
        <translation>文库正在启动，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/controller.py" line="161" />
        <source>The library holds no earlier report of this region: choose two.</source>
        <translation>文库中没有本地区更早的报告：请选择两份报告。</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="42" />
        <source>Analysis — Report Reader</source>
        <translation>分析 — 报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="44" />
        <source>Analyses</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/tabs.py" line="43" />
        <source>Compare (对比)</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/tabs.py" line="44" />
        <source>Targets (主要预期目标)</source>
        <translation>主要预期目标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/tabs.py" line="45" />
        <source>Word Frequencies (高频词)</source>
        <translation>高频词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/tabs.py" line="46" />
        <source>Term Across Years (趋势)</source>
        <translation>词语趋势</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/tabs.py" line="47" />
        <source>Concordance (语境)</source>
        <translation>语境检索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="62" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="64" />
        <source>Save Chart as &amp;Image…</source>
        <translation>图表存为图片(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="66" />
        <source>Save &amp;Data as CSV or Excel…</source>
        <translation>数据存为 CSV 或 Excel(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="69" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="112" />
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="113" />
        <source>Save Data</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="126" />
        <location filename="../../reader/ui/analysis/window.py" line="138" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="130" />
        <source>Save Chart as Image</source>
        <translation>图表存为图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="130" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/window.py" line="123" />
        <location filename="../../reader/ui/analysis/window.py" line="138" />
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
</context>
<context>
    <name>BookmarkEditor</name>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="289" />
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="298" />
        <source>Bookmark title</source>
        <translation>书签标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="300" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="301" />
        <source>Why this passage matters…</source>
        <translation>为什么要记下这一段……</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="304" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="305" />
        <source>Note:</source>
        <translation>笔记：</translation>
    </message>
</context>
<context>
    <name>BookmarkService</name>
    <message>
        <location filename="../../reader/services/bookmarks.py" line="126" />
        <source>%1 bookmarks no longer match the text; they are kept as detached.</source>
        <translation>有 %1 个书签已找不到对应文字，已保留为“脱离”状态。</translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="133" />
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="134" />
        <location filename="../../reader/ui/bookmarks/controller.py" line="149" />
        <source>Bookmarked: %1</source>
        <translation>已添加书签：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="148" />
        <source>Bookmark Section</source>
        <translation>书签本节</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="158" />
        <source>Edit Bookmark</source>
        <translation>编辑书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="164" />
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="165" />
        <source>Bookmark deleted — Ctrl+Z to undo</source>
        <translation>书签已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="190" />
        <source>%1 bookmarks</source>
        <translation>%1 个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="202" />
        <source>This bookmark is detached: its text was not found in the current version.</source>
        <translation>此书签已脱离：当前版本中找不到它标记的文字。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/controller.py" line="226" />
        <source>No bookmarks in this document</source>
        <translation>本文档没有书签</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="188" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="173" />
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="173" />
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="174" />
        <source>Bookmark scope</source>
        <translation>书签范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="176" />
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="176" />
        <source>By time</source>
        <translation>按时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="177" />
        <source>Bookmark order</source>
        <translation>书签排序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="178" />
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="179" />
        <source>O&amp;rder:</source>
        <translation>排序(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="181" />
        <source>Filter bookmarks (title, note, text)</source>
        <translation>筛选书签（标题、笔记、原文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="181" />
        <source>Filter bookmarks</source>
        <translation>筛选书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="184" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="184" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="242" />
        <source>%1 bookmarks</source>
        <translation>%1 个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="244" />
        <source>%1 of %2 bookmarks</source>
        <translation>%1 / %2 个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="278" />
        <source>Go To</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="279" />
        <source>Edit Title and Note…</source>
        <translation>编辑标题和笔记…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks/panel.py" line="280" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CompareTab</name>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="53" />
        <source>Earlier report</source>
        <translation>较早的报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="55" />
        <source>Later report</source>
        <translation>较新的报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="58" />
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="63" />
        <source>&amp;Earlier:</source>
        <translation>较早(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="65" />
        <source>&amp;Later:</source>
        <translation>较新(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="71" />
        <source>The two reports side by side</source>
        <translation>两份报告并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="74" />
        <source>New terms</source>
        <translation>新提法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="75" />
        <source>Terms no longer used</source>
        <translation>不再提及</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="77" />
        <source>New terms (新提法)</source>
        <translation>新提法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="78" />
        <source>Dropped (不再提及)</source>
        <translation>不再提及</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="80" />
        <source>Occurrences of the chosen term</source>
        <translation>所选词语出现的位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="128" />
        <source>Comparing…</source>
        <translation>正在对比…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/compare_tab.py" line="134" />
        <source>%1 same, %2 changed, %3 added, %4 removed paragraphs; %5 new terms, %6 dropped</source>
        <translation>段落：相同 %1，改动 %2，新增 %3，删去 %4；新提法 %5 个，不再提及 %6 个</translation>
    </message>
</context>
<context>
    <name>ConcordanceTab</name>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="50" />
        <source>Word or phrase</source>
        <translation>词语或短语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="51" />
        <source>数字经济, 新质生产力, 营商环境…</source>
        <translation>数字经济、新质生产力、营商环境…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="53" />
        <source>&amp;Term:</source>
        <translation>词语(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="56" />
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="105" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="57" />
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="59" />
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="65" />
        <source>Occurrences in context</source>
        <translation>上下文中的出现</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="76" />
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="90" />
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="98" />
        <source>“%1”: %2 occurrences in %3 reports</source>
        <translation>“%1”：在 %3 份报告中出现 %2 次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="105" />
        <source>Left</source>
        <translation>左侧语境</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="105" />
        <source>Match</source>
        <translation>检索词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="105" />
        <source>Right</source>
        <translation>右侧语境</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="105" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/concordance_tab.py" line="106" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="69" />
        <source>Copied with citation</source>
        <translation>已复制（含引用）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="81" />
        <source>Section link copied</source>
        <translation>已复制章节链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="93" />
        <source>Section copied with citation</source>
        <translation>已复制本节及出处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="101" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="101" />
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="104" />
        <source>Export This Section</source>
        <translation>导出本节</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="132" />
        <source>Section written: %1</source>
        <translation>本节已导出：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="147" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="156" />
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="101" />
        <location filename="../../reader/ui/window/document_actions.py" line="156" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="124" />
        <location filename="../../reader/ui/window/document_actions.py" line="166" />
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="123" />
        <location filename="../../reader/ui/window/document_actions.py" line="171" />
        <source>PDF written: %1</source>
        <translation>PDF 已保存：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="180" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/document_actions.py" line="130" />
        <location filename="../../reader/ui/window/document_actions.py" line="185" />
        <source>Could not finish: %1</source>
        <translation>未能完成：%1</translation>
    </message>
</context>
<context>
    <name>DocumentFormats</name>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="14" />
        <source>Web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="15" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="16" />
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="17" />
        <source>Word 97–2003</source>
        <translation>Word 97–2003</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="18" />
        <source>OFD</source>
        <translation>OFD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="19" />
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/file_filters.py" line="20" />
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="12" />
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="14" />
        <source>The file is not a kind of document the reader opens.</source>
        <translation>该文件不是本阅读器能打开的文档类型。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="16" />
        <source>The file is too large to open (%1).</source>
        <translation>文件太大，无法打开（%1）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="18" />
        <source>The text's character encoding could not be recognised.</source>
        <translation>无法识别文件的字符编码。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="20" />
        <source>The page has no readable body text.</source>
        <translation>该网页没有可阅读的正文。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="22" />
        <source>The page could not be downloaded: %1</source>
        <translation>无法下载该网页：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="24" />
        <source>The file is damaged or incomplete.</source>
        <translation>文件已损坏或不完整。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="26" />
        <source>The document is protected by a password.</source>
        <translation>文档受密码保护。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="28" />
        <source>The document holds scanned pages without text; it needs text recognition (OCR) first.</source>
        <translation>文档只有扫描页面、没有文字层，需要先进行文字识别（OCR）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/messages.py" line="32" />
        <source>The file does not exist or cannot be read: %1</source>
        <translation>文件不存在或无法读取：%1</translation>
    </message>
</context>
<context>
    <name>Highlights</name>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="39" />
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="40" />
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="41" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="42" />
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="43" />
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>HighlightsController</name>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="153" />
        <source>Select the words to highlight first</source>
        <translation>请先选中要标注的文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="165" />
        <source>Highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="170" />
        <location filename="../../reader/ui/highlights/controller.py" line="295" />
        <source>Highlighted in %1</source>
        <translation>已用%1标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="179" />
        <source>Edit Highlight</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="186" />
        <source>Change Highlight Colour</source>
        <translation>更改标注颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="192" />
        <source>Change Highlight Style</source>
        <translation>更改标注样式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="197" />
        <location filename="../../reader/ui/highlights/controller.py" line="231" />
        <source>Remove Highlight</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="198" />
        <source>Highlight removed — Ctrl+Z to undo</source>
        <translation>标注已删除 — Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/details.py" line="14" />
        <source>Highlight Note and Tags</source>
        <translation>标注的批注和标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/details.py" line="15" />
        <source>Tags (separated by spaces)</source>
        <translation>标签（以空格分隔）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/details.py" line="16" />
        <source>Tags, separated by spaces</source>
        <translation>标签，以空格分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="207" />
        <source>Highlight in %1</source>
        <translation>用%1标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="210" />
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="212" />
        <source>Highlight with Note…</source>
        <translation>标注并加批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="218" />
        <source>Edit Highlight Note…</source>
        <translation>编辑标注批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="223" />
        <source>Colour: %1</source>
        <translation>颜色：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="228" />
        <source>Show as Background</source>
        <translation>显示为底色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="228" />
        <source>Show as Underline</source>
        <translation>显示为下划线</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="283" />
        <source>This report has no highlights to read</source>
        <translation>本报告没有可朗读的标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="297" />
        <source>, note: %1</source>
        <translation>，批注：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/controller.py" line="307" />
        <source>The report's words changed here: this highlight's text was not found.</source>
        <translation>报告此处文字已改动：找不到这条标注的原文。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/quotes.py" line="62" />
        <source>Copied %1 quotes</source>
        <translation>已复制 %1 条摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/quotes.py" line="19" />
        <source>Markdown (*.md);;Plain text (*.txt);;CSV (*.csv);;Word (*.docx)</source>
        <translation>Markdown (*.md);;纯文本 (*.txt);;CSV (*.csv);;Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/quotes.py" line="22" />
        <source>Export Highlights</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/quotes.py" line="76" />
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/quotes.py" line="79" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>HighlightsPanel</name>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="74" />
        <source>Filter by words, note or tag</source>
        <translation>按文字、批注或标签筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="75" />
        <source>Filter highlights</source>
        <translation>筛选标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="79" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="80" />
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="84" />
        <source>Co&amp;lour:</source>
        <translation>颜色(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="87" />
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="88" />
        <source>In reading order</source>
        <translation>按阅读顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="89" />
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="91" />
        <source>&amp;Order:</source>
        <translation>顺序(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="93" />
        <source>Whole &amp;library</source>
        <translation>整个文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="96" />
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="102" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="104" />
        <source>Co&amp;py as Quotes</source>
        <translation>复制为摘录(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="106" />
        <source>&amp;Read Aloud</source>
        <translation>朗读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="107" />
        <source>Read the highlights listed aloud, one after another</source>
        <translation>依次朗读列出的标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="173" />
        <source>(before the first heading)</source>
        <translation>（第一个标题之前）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="191" />
        <source>(the report's words changed here)</source>
        <translation>（报告此处文字已改动）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="222" />
        <source>&amp;Go There</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="223" />
        <source>Edit &amp;Note and Tags…</source>
        <translation>编辑批注和标签(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="224" />
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/panel.py" line="231" />
        <source>&amp;Remove Highlight</source>
        <translation>删除标注(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="25" />
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="26" />
        <location filename="../../reader/ui/library/import_progress.py" line="38" />
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="27" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="28" />
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="50" />
        <source>about %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="50" />
        <source>under a minute left</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/import_progress.py" line="52" />
        <source>%1 per second</source>
        <translation>每秒 %1 份</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="80" />
        <source>Import Reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="91" />
        <source>Import a Folder of Reports</source>
        <translation>导入报告文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="99" />
        <source>Import URL</source>
        <translation>导入网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="99" />
        <source>Address of a report page:</source>
        <translation>报告网页地址：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="112" />
        <source>Imported %1 documents</source>
        <translation>已导入 %1 个文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="117" />
        <source> (and %1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="119" />
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="125" />
        <source>%1 holds the same text as %2.</source>
        <translation>%1 与文库中的“%2”内容相同。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="129" />
        <source>(and %1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="137" />
        <source>Already in the Library</source>
        <translation>文库中已有</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="139" />
        <source>Replace those entries with the new copies?</source>
        <translation>用新导入的文件替换这些条目吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="146" />
        <source>Indexing %1 of %2…</source>
        <translation>正在建立索引：第 %1 个，共 %2 个…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/controller.py" line="148" />
        <source>Search index up to date</source>
        <translation>搜索索引已是最新</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="59" />
        <source>Filter library</source>
        <translation>筛选文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="61" />
        <source>No groups</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="61" />
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="61" />
        <source>By year</source>
        <translation>按年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="64" />
        <source>Group the library</source>
        <translation>文库分组</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="78" />
        <source>Library documents</source>
        <translation>文库文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="128" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="129" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="130" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="131" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="66" />
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="100" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="101" />
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="103" />
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="104" />
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="105" />
        <source>URL…</source>
        <translation>网址…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="107" />
        <location filename="../../reader/ui/library/panel.py" line="313" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="108" />
        <location filename="../../reader/ui/library/panel.py" line="314" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="132" />
        <source>Speaker</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="133" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="134" />
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="176" />
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library/panel.py" line="177" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/launch.py" line="94" />
        <source>Unexpected error: %1 (details in %2)</source>
        <translation>意外错误：%1（详情见 %2）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/launch.py" line="226" />
        <location filename="../../reader/ui/window/main_window.py" line="86" />
        <source>Report Reader</source>
        <translation>报告阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="123" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="125" />
        <source>Reading progress</source>
        <translation>阅读进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="99" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="102" />
        <source>Open &amp;URL…</source>
        <translation>打开网址(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="108" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="111" />
        <source>Export as P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="115" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="116" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="123" />
        <source>Copy &amp;Section Link</source>
        <translation>复制章节链接(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="128" />
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="157" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="160" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="163" />
        <source>&amp;Normal Size</source>
        <translation>默认大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="165" />
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="166" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="167" />
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="193" />
        <source>Next Panel</source>
        <translation>下一个面板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="130" />
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="118" />
        <source>Copy with Ci&amp;tation</source>
        <translation>复制并引用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="132" />
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="135" />
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="140" />
        <source>Clear Highlights</source>
        <translation>清除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="143" />
        <source>&amp;Bookmark This Place…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="151" />
        <source>Next Bookmark</source>
        <translation>下一个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="154" />
        <source>Previous Bookmark</source>
        <translation>上一个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="41" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="42" />
        <source>O&amp;utline</source>
        <translation>目录(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="44" />
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="45" />
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="47" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="48" />
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="50" />
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="51" />
        <source>Highli&amp;ghts</source>
        <translation>标注(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="53" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="54" />
        <source>Searc&amp;h Panel</source>
        <translation>搜索面板(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/undo_actions.py" line="13" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/undo_actions.py" line="14" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="83" />
        <source>Page down / up (in the text)</source>
        <translation>向下 / 向上翻页（正文中）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="84" />
        <source>Section menu (in the outline)</source>
        <translation>章节菜单（目录中）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="85" />
        <source>Every control on screen, in screen order</source>
        <translation>按屏幕顺序遍历所有控件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="87" />
        <source>Back / forward (mouse)</source>
        <translation>后退 / 前进（鼠标）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="88" />
        <source>Back and forward buttons</source>
        <translation>后退键和前进键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="105" />
        <source>&amp;Add to Library</source>
        <translation>加入文库(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="146" />
        <source>&amp;Highlight Selection</source>
        <translation>标注所选文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="202" />
        <source>Next &amp;Heading</source>
        <translation>下一个标题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="205" />
        <source>Previous H&amp;eading</source>
        <translation>上一个标题(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="208" />
        <source>&amp;Next Paragraph</source>
        <translation>下一段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="211" />
        <source>&amp;Previous Paragraph</source>
        <translation>上一段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="214" />
        <source>&amp;Read This Paragraph Aloud</source>
        <translation>朗读本段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="219" />
        <source>&amp;Compare with Previous Year</source>
        <translation>与上一年对比(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="221" />
        <source>Main &amp;Targets</source>
        <translation>主要预期目标(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="222" />
        <source>&amp;Word Frequencies</source>
        <translation>高频词(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="223" />
        <source>Term Across the &amp;Years…</source>
        <translation>词语历年趋势(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="224" />
        <source>Co&amp;ncordance…</source>
        <translation>语境检索(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="226" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="203" />
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="204" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="206" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="243" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="244" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="246" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="250" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="251" />
        <source>Text &amp;Size</source>
        <translation>字体大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="252" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="259" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="263" />
        <source>&amp;Analyse</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="266" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="230" />
        <source>&amp;About Report Reader</source>
        <translation>关于报告阅读器(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="169" />
        <source>&amp;Document Information</source>
        <translation>文件信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="177" />
        <source>&amp;Full Screen Reading</source>
        <translation>全屏阅读(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="180" />
        <source>&amp;Play/Pause Narration</source>
        <translation>播放/暂停朗读(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="185" />
        <source>Next Panel &amp;Tab</source>
        <translation>下一个面板标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="188" />
        <source>Previous Panel Tab</source>
        <translation>上一个面板标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="196" />
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/actions.py" line="199" />
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="205" />
        <source>Se&amp;pia</source>
        <translation>护眼(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="253" />
        <source>Line Spa&amp;cing</source>
        <translation>行距(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/toolbar.py" line="14" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/toolbar.py" line="20" />
        <source>Text size:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/toolbar.py" line="34" />
        <location filename="../../reader/ui/window/toolbar.py" line="35" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/root.py" line="255" />
        <source>%1 — Report Reader</source>
        <translation>%1 — 报告阅读器</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="352" />
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>MetadataCard</name>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="215" />
        <location filename="../../reader/ui/common/widgets.py" line="263" />
        <source>Document information</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="237" />
        <source>Index no.</source>
        <translation>索引号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="238" />
        <source>Category</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="239" />
        <source>Issued by</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="240" />
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="241" />
        <source>Published</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="242" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="243" />
        <source>Document no.</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="244" />
        <source>Keywords</source>
        <translation>主题词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="245" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="246" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="247" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="248" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="249" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="250" />
        <source>Speaker</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="251" />
        <source>Office</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="252" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="253" />
        <source>Delivered</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/common/widgets.py" line="290" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>NarrationController</name>
    <message>
        <location filename="../../reader/ui/narration/controller.py" line="162" />
        <source>Select some text to read first</source>
        <translation>请先选中要朗读的文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/audio_export.py" line="44" />
        <location filename="../../reader/ui/narration/controller.py" line="298" />
        <source>Export Audio</source>
        <translation>导出音频</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/controller.py" line="298" />
        <source>MP3 audio (*.mp3);;WAV audio (*.wav)</source>
        <translation>MP3 音频 (*.mp3);;WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/audio_export.py" line="41" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/audio_export.py" line="42" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/audio_export.py" line="60" />
        <source>Audio written: %1 (%2:%3)</source>
        <translation>音频已保存：%1（%2:%3）</translation>
    </message>
</context>
<context>
    <name>NarrationService</name>
    <message>
        <location filename="../../reader/services/narration.py" line="84" />
        <source>No Mandarin voice is installed: Chinese text will be read by the default voice.</source>
        <translation>未安装普通话语音：中文将由默认语音朗读。</translation>
    </message>
    <message>
        <location filename="../../reader/services/narration.py" line="96" />
        <source>No audio output device was found; the narration can still be exported to a file.</source>
        <translation>没有找到音频输出设备；朗读仍可导出为音频文件。</translation>
    </message>
    <message>
        <location filename="../../reader/services/narration.py" line="98" />
        <location filename="../../reader/services/narration.py" line="109" />
        <location filename="../../reader/services/narration.py" line="217" />
        <source>The speech engine is not ready (or not installed).</source>
        <translation>语音引擎尚未就绪（或未安装）。</translation>
    </message>
</context>
<context>
    <name>OpeningController</name>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="59" />
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="89" />
        <source>Open URL</source>
        <translation>打开网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="89" />
        <source>Address of a report page:</source>
        <translation>报告网页地址：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="103" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="107" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/opening.py" line="114" />
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="108" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="93" />
        <source>Filter outline</source>
        <translation>筛选目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="96" />
        <location filename="../../reader/ui/reading/outline_panel.py" line="97" />
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="100" />
        <location filename="../../reader/ui/reading/outline_panel.py" line="101" />
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="136" />
        <source>&amp;Bookmark This Section…</source>
        <translation>书签本节(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="137" />
        <source>&amp;Read This Section Aloud</source>
        <translation>朗读本节(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="138" />
        <source>&amp;Search in This Section</source>
        <translation>在本节中搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="139" />
        <source>&amp;Copy Section with Citation</source>
        <translation>复制本节(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="140" />
        <source>&amp;Export This Section…</source>
        <translation>导出本节(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="141" />
        <source>Compare with &amp;Previous Year</source>
        <translation>与上一年对比本节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/outline_panel.py" line="158" />
        <source>Section: %1</source>
        <translation>本节：%1</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="73" />
        <location filename="../../reader/ui/narration/player_bar.py" line="196" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="77" />
        <source>Read from Here</source>
        <translation>从此处朗读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="78" />
        <source>Read the Whole Report (title and information first)</source>
        <translation>朗读全文（先读标题和文件信息）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="79" />
        <source>Read the Selection</source>
        <translation>朗读选中内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="80" />
        <source>Read This Section</source>
        <translation>朗读本节</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="88" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="90" />
        <source>Previous sentence</source>
        <translation>上一句</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="92" />
        <source>Next sentence</source>
        <translation>下一句</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="97" />
        <source>Narration position</source>
        <translation>朗读进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="104" />
        <source>Narration time</source>
        <translation>朗读时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="111" />
        <location filename="../../reader/ui/narration/player_bar.py" line="112" />
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="115" />
        <location filename="../../reader/ui/narration/player_bar.py" line="116" />
        <location filename="../../reader/ui/narration/player_bar.py" line="258" />
        <location filename="../../reader/ui/narration/player_bar.py" line="264" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="126" />
        <location filename="../../reader/ui/narration/player_bar.py" line="127" />
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="129" />
        <source>Export audio</source>
        <translation>导出音频</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="132" />
        <source>Export the Whole Report…</source>
        <translation>导出全文音频…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="133" />
        <source>Export This Section…</source>
        <translation>导出本节音频…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="134" />
        <source>Export the Selection…</source>
        <translation>导出选中内容音频…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="137" />
        <location filename="../../reader/ui/narration/player_bar.py" line="138" />
        <source>Back to narration</source>
        <translation>回到朗读处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="146" />
        <source>Spee&amp;d</source>
        <translation>语速(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="196" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="232" />
        <source>More Voices…</source>
        <translation>更多语音…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/narration/player_bar.py" line="260" />
        <source>Mandarin</source>
        <translation>普通话</translation>
    </message>
</context>
<context>
    <name>ReadingStatus</name>
    <message>
        <location filename="../../reader/ui/reading/reading_status.py" line="37" />
        <source>%1% · %2 · about %3 min left</source>
        <translation>%1% · %2 · 约剩 %3 分钟</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading/reading_status.py" line="43" />
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>ReadingStyle</name>
    <message>
        <location filename="../../reader/ui/reading/reading_style.py" line="104" />
        <source>Text size: %1 px</source>
        <translation>字号：%1 像素</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../reader/ui/reading/reading_view.py" line="42" />
        <source>Report text</source>
        <translation>报告正文</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../reader/ui/search/controller.py" line="128" />
        <source>%1 matching paragraphs</source>
        <translation>%1 个匹配段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/controller.py" line="165" />
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="135" />
        <source>Search: words, "exact phrase", A OR B, -exclude</source>
        <translation>搜索：多个词、"精确短语"、A OR B、-排除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="135" />
        <source>Search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="139" />
        <source>This document</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="140" />
        <source>Same region</source>
        <translation>同地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="141" />
        <source>Same year</source>
        <translation>同年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="142" />
        <source>Whole library</source>
        <translation>全部文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="145" />
        <source>Search scope</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="150" />
        <source>&amp;In:</source>
        <translation>范围(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="157" />
        <source>In text order</source>
        <translation>按文中顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="158" />
        <source>By relevance</source>
        <translation>按相关度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="159" />
        <source>Order of the results</source>
        <translation>结果的顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="162" />
        <source>Sor&amp;t:</source>
        <translation>排序(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="170" />
        <source>Matches per region and year</source>
        <translation>各地区、各年份的匹配数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="176" />
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="226" />
        <source>Section: %1</source>
        <translation>本节：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="279" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="307" />
        <source>No paragraph matches.</source>
        <translation>没有匹配的段落。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="310" />
        <source>%1 paragraphs match · the best %2 shown · %3 ms</source>
        <translation>%1 个段落匹配 · 显示最相关的 %2 个 · %3 毫秒</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="317" />
        <source>%1 paragraphs match · %2 ms</source>
        <translation>%1 个段落匹配 · %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="345" />
        <source>(opening)</source>
        <translation>（开头）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search/panel.py" line="351" />
        <source>%1×</source>
        <translation>%1 处</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/highlights/selection_toolbar.py" line="50" />
        <source>Highlight the selection</source>
        <translation>标注所选文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/selection_toolbar.py" line="60" />
        <source>Highlight in %1</source>
        <translation>用%1标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/selection_toolbar.py" line="64" />
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights/selection_toolbar.py" line="67" />
        <source>Highlight with a Note…</source>
        <translation>标注并写批注…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="41" />
        <source>Keyboard Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="53" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="54" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/shortcuts_dialog.py" line="54" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StructureKeys</name>
    <message>
        <location filename="../../reader/ui/reading/structure_keys.py" line="65" />
        <source>No more headings</source>
        <translation>没有更多标题了</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="39" />
        <source>Targets view</source>
        <translation>目标视图</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="40" />
        <source>This region, year by year</source>
        <translation>本地区，逐年</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="41" />
        <source>Every region, this year</source>
        <translation>各地区，本年</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="43" />
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="52" />
        <source>Targets by year</source>
        <translation>历年目标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="68" />
        <source>Targets of %1 for every region in the library</source>
        <translation>文库中各地区 %1 年的目标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="95" />
        <source>Reading the targets…</source>
        <translation>正在读取目标…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="101" />
        <source>This report states no 主要预期目标 (main targets).</source>
        <translation>本报告未列出主要预期目标。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="103" />
        <source>Targets as the report states them: </source>
        <translation>报告原文：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="111" />
        <source>%1 target</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/targets_tab.py" line="113" />
        <location filename="../../reader/ui/analysis/targets_tab.py" line="115" />
        <source>%1 achieved</source>
        <translation>%1年完成</translation>
    </message>
</context>
<context>
    <name>TermsTab</name>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="43" />
        <source>Part of the report</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="45" />
        <source>&amp;Words of:</source>
        <translation>统计范围(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="50" />
        <location filename="../../reader/ui/analysis/terms_tab.py" line="94" />
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="52" />
        <source>Word frequencies</source>
        <translation>词频</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="60" />
        <source>Click a word to search for it in the report.</source>
        <translation>点击词语即可在报告中搜索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="70" />
        <source>The whole report</source>
        <translation>全文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="86" />
        <location filename="../../reader/ui/analysis/terms_tab.py" line="94" />
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="94" />
        <source>In search</source>
        <translation>检索次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/terms_tab.py" line="94" />
        <source>Keyness</source>
        <translation>关键度</translation>
    </message>
</context>
<context>
    <name>TrendTab</name>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="38" />
        <source>Word or phrase</source>
        <translation>词语或短语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="39" />
        <source>数字经济, 新质生产力, 营商环境…</source>
        <translation>数字经济、新质生产力、营商环境…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="41" />
        <source>&amp;Term:</source>
        <translation>词语(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="44" />
        <location filename="../../reader/ui/analysis/trend_tab.py" line="119" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="45" />
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="47" />
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="52" />
        <source>Occurrences per year</source>
        <translation>历年出现次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="54" />
        <source>Occurrences per report</source>
        <translation>各报告出现次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="70" />
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="79" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="88" />
        <source>“%1” occurs %2 times in %3 of %4 reports</source>
        <translation>“%1”在 %4 份报告中的 %3 份出现，共 %2 次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="107" />
        <location filename="../../reader/ui/analysis/trend_tab.py" line="122" />
        <source>Per 10,000 characters</source>
        <translation>每万字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="111" />
        <source>Unknown region</source>
        <translation>地区不详</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="116" />
        <location filename="../../reader/ui/analysis/trend_tab.py" line="119" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="114" />
        <location filename="../../reader/ui/analysis/trend_tab.py" line="122" />
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="119" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../reader/ui/analysis/trend_tab.py" line="123" />
        <source>Paragraphs</source>
        <translation>段落数</translation>
    </message>
</context>
<context>
    <name>table</name>
    <message>
        <location filename="../../reader/ui/analysis/tables.py" line="33" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
</context>
</TS>