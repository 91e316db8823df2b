<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>%1

This computer&apos;s own database is opened instead.</source>
        <translation>%1

已改为打开本机上的数据库。</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>No font that can display Chinese was found. Chinese text may appear as empty boxes; install a Chinese font such as Noto Sans CJK SC.</source>
        <translation>未找到可显示中文的字体，中文可能显示为空白方框。请安装中文字体，例如 Noto Sans CJK SC。</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Taking a last backup of the database…</source>
        <translation>正在为数据库做关闭前的最后一次备份…</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before a database update</source>
        <translation>数据库升级前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>From a newer dtbench</source>
        <translation>来自较新版本的 dtbench</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Backups are kept for database files only.</source>
        <translation>只有数据库文件才会保留备份。</translation>
    </message>
    <message>
        <source>The database %1 is damaged. It was moved aside as %2 and will not be written to.</source>
        <translation>数据库 %1 已损坏。它已被移到一旁，改名为 %2，不会再写入。</translation>
    </message>
    <message>
        <source>No good backup was found: dtbench starts with an empty database.</source>
        <translation>没有找到完好的备份：dtbench 将以空数据库启动。</translation>
    </message>
    <message>
        <source>Restore the newest good backup, from %1?</source>
        <translation>是否恢复最新的完好备份（%1）？</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>恢复该备份(&amp;R)</translation>
    </message>
    <message>
        <source>Start with an &amp;empty database</source>
        <translation>使用空数据库启动(&amp;E)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current database with the backup from %1?

The current database is kept aside first, next to it.</source>
        <translation>是否用 %1 的备份替换当前数据库？

当前数据库会先另存一份，放在它旁边。</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>dtbench databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>dtbench 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the current database with %1?

The current database is kept aside first, next to it.</source>
        <translation>是否用 %1 替换当前数据库？

当前数据库会先另存一份，放在它旁边。</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <source>The previous database was kept as %1.</source>
        <translation>原来的数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Backups of %1 are made automatically when it changed (every %2 minutes), and before every import, database update and restore. They are checked for damage and kept in %3.</source>
        <translation>%1 有改动时会自动备份（每 %2 分钟检查一次），每次导入、数据库升级和恢复之前也会备份。备份都经过完整性检查，保存在 %3。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>BenchmarkError</name>
    <message>
        <source>Only the engagement&apos;s lead can include it in the firm benchmark or take it out.</source>
        <translation>只有项目负责人可以将本项目纳入或移出公司对标。</translation>
    </message>
</context>
<context>
    <name>BlueprintPage</name>
    <message>
        <source>New system</source>
        <translation>新系统</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>业务领域</translation>
    </message>
    <message>
        <source>Platform layer</source>
        <translation>平台层级</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目标系统</translation>
    </message>
    <message>
        <source>What flows</source>
        <translation>传递的数据</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Add the profile&apos;s systems</source>
        <translation>添加客户概况中的系统</translation>
    </message>
    <message>
        <source>Every existing system named in the client profile is already in the register (the existing systems are ticked or typed in the Profile step).</source>
        <translation>客户概况中列出的现有系统均已在系统清单中（现有系统在“客户概况”步骤中勾选或填写）。</translation>
    </message>
    <message>
        <source>Add %1 systems from the profile</source>
        <translation>从客户概况添加 %1 个系统</translation>
    </message>
    <message>
        <source>A link connects two systems: register at least two systems first.</source>
        <translation>集成链路连接两个系统：请先登记至少两个系统。</translation>
    </message>
    <message>
        <source>&amp;Checks (%1)</source>
        <translation>检查(&amp;C)：%1 个问题</translation>
    </message>
    <message>
        <source>Checks: nothing to correct.</source>
        <translation>检查：没有需要更正的问题。</translation>
    </message>
    <message>
        <source>Today&apos;s system landscape</source>
        <translation>现状系统架构</translation>
    </message>
    <message>
        <source>Target blueprint</source>
        <translation>目标蓝图</translation>
    </message>
    <message>
        <source>Register the client&apos;s systems to see the blueprint.</source>
        <translation>登记客户的系统后即可看到蓝图。</translation>
    </message>
    <message>
        <source>The client&apos;s systems and platforms, existing and planned: where each sits (business domain, platform layer of the guide&apos;s chapter 9), what it is today and what it becomes, in which phase and by which initiative; and the links between them (9.4). The proposal draws today&apos;s landscape beside the target.</source>
        <translation>客户现有和规划中的系统与平台：各自所属的业务领域和平台层级（指南第9章）、现状与目标、在哪个阶段由哪项举措实施，以及系统之间的集成链路（9.4）。建议书将现状系统架构与目标蓝图对照绘出。</translation>
    </message>
    <message>
        <source>S&amp;ystems</source>
        <translation>系统清单(&amp;Y)</translation>
    </message>
    <message>
        <source>Integration &amp;links</source>
        <translation>集成链路(&amp;L)</translation>
    </message>
    <message>
        <source>Blueprint dia&amp;gram</source>
        <translation>蓝图(&amp;G)</translation>
    </message>
    <message>
        <source>Add the &amp;profile&apos;s systems</source>
        <translation>添加客户概况中的系统(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ChangeSteps</name>
    <message>
        <source>New step</source>
        <translation>新步骤</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Due date:</source>
        <translation>完成日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>Remar&amp;ks:</source>
        <translation>备注(&amp;K)：</translation>
    </message>
    <message>
        <source>Add the guide&apos;s change steps</source>
        <translation>添加指南的组织构建步骤</translation>
    </message>
    <message>
        <source>Change process (6.3.1 h)</source>
        <translation>主要过程与活动（6.3.1 h）</translation>
    </message>
    <message>
        <source>The guide&apos;s steps: diagnose, analyse and plan, select and implement, evaluate and feed back. Give each an owner and a due date.</source>
        <translation>指南的步骤：诊断组织现状、分析并制定方案、选择方案并实施、评价效果并反馈。请为每个步骤指定负责人和完成日期。</translation>
    </message>
    <message>
        <source>Add the guide&apos;s ste&amp;ps</source>
        <translation>添加指南步骤(&amp;P)</translation>
    </message>
    <message>
        <source>Adds the four steps of 6.3.1 h that are not in the list yet.</source>
        <translation>添加 6.3.1 h 所列四个步骤中尚未列入清单的步骤。</translation>
    </message>
</context>
<context>
    <name>ChartError</name>
    <message>
        <source>A chart could not be drawn: %1</source>
        <translation>有图表无法绘制：%1</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Note on %1</source>
        <translation>%1 的备注</translation>
    </message>
</context>
<context>
    <name>ClauseDetails</name>
    <message>
        <source>Suggested: answer items first</source>
        <translation>建议等级：请先回答条目</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Current level of %1</source>
        <translation>%1 的现状等级</translation>
    </message>
    <message>
        <source>Target level of %1</source>
        <translation>%1 的目标等级</translation>
    </message>
    <message>
        <source>Findings of %1</source>
        <translation>%1 的诊断发现</translation>
    </message>
    <message>
        <source>Interviewees of %1</source>
        <translation>%1 的访谈对象</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证据</translation>
    </message>
    <message>
        <source>Documents and photos (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.pptx);;All files (*)</source>
        <translation>文档和照片 (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.pptx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>附加 %1</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>正在附加 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Attaching %n files…</source>
        <translation>
            <numerusform>正在附加 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>No program is set up to open %1. It was saved as %2.</source>
        <translation>系统中没有可打开 %1 的程序。文件已另存为 %2。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Current &amp;level:</source>
        <translation>现状等级(&amp;L)：</translation>
    </message>
    <message>
        <source>Tar&amp;get level:</source>
        <translation>目标等级(&amp;G)：</translation>
    </message>
    <message>
        <source>Fin&amp;dings:</source>
        <translation>诊断发现(&amp;D)：</translation>
    </message>
    <message>
        <source>Intervie&amp;wees:</source>
        <translation>访谈对象(&amp;W)：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>What is in place, what is missing, the main risks…</source>
        <translation>已具备什么、缺少什么、主要风险……</translation>
    </message>
    <message>
        <source>Names and roles</source>
        <translation>姓名和职务</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>附加(&amp;A)…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>Theirs — %1, %2</source>
        <translation>对方的版本 — %1，%2</translation>
    </message>
    <message>
        <source>Theirs — %1</source>
        <translation>对方的版本 — %1</translation>
    </message>
    <message>
        <source>Theirs — removed by %1</source>
        <translation>对方的版本 — 已被 %1 删除</translation>
    </message>
    <message>
        <source>Yours (not saved yet)</source>
        <translation>您的版本（尚未保存）</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3 while you were editing it: your change is not saved.</source>
        <translation>您编辑期间，%1 于 %3 修改了 %2：您的修改尚未保存。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>诊断发现</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Current level</source>
        <translation>现状等级</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设定）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>===== %1 =====</source>
        <translation>===== %1 =====</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>===== end =====</source>
        <translation>===== 结束 =====</translation>
    </message>
    <message>
        <source>&amp;Save merged</source>
        <translation>保存合并结果(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ConflictRow</name>
    <message>
        <source>This computer — %1</source>
        <translation>本机 — %1</translation>
    </message>
    <message>
        <source>Server — %1</source>
        <translation>服务器 — %1</translation>
    </message>
    <message>
        <source>Merged:</source>
        <translation>合并：</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Remember the password (in the system&apos;s keyring)</source>
        <translation>记住密码（保存在系统密钥环中）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>The server refused the saved password for %1. Type the password to connect, or work on this computer&apos;s database instead.</source>
        <translation>服务器拒绝了 %1 已保存的密码。请输入密码以连接，或改用本机数据库工作。</translation>
    </message>
    <message>
        <source>The password for %1 is not saved on this computer. Type it to connect, or work on this computer&apos;s database instead.</source>
        <translation>本机未保存 %1 的密码。请输入密码以连接，或改用本机数据库工作。</translation>
    </message>
    <message>
        <source>Work on this computer&apos;s &amp;database</source>
        <translation>使用本机数据库(&amp;D)</translation>
    </message>
    <message>
        <source>Give the server, the database and your login.</source>
        <translation>请填写服务器、数据库和您的登录名。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong: %1

Your saved work is safe. Details were written to %2.</source>
        <translation>出现错误：%1

已保存的工作不受影响。详细信息已写入 %2。</translation>
    </message>
</context>
<context>
    <name>CultureTab</name>
    <message>
        <source>Culture targets</source>
        <translation>数字文化塑造目标</translation>
    </message>
    <message>
        <source>Culture evaluation</source>
        <translation>数字文化评估</translation>
    </message>
    <message>
        <source>Digital culture tar&amp;gets (6.3.2 d):</source>
        <translation>数字文化塑造目标(&amp;G)（6.3.2 d）：</translation>
    </message>
    <message>
        <source>Chosen target</source>
        <translation>选定的目标</translation>
    </message>
    <message>
        <source>The guide&apos;s explanation</source>
        <translation>指南释义</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Culture evaluation (6.3.2 i)</source>
        <translation>数字文化评估（6.3.2 i）</translation>
    </message>
    <message>
        <source>Evaluation &amp;measures the client adopts:</source>
        <translation>企业采用的评估内容(&amp;M)：</translation>
    </message>
    <message>
        <source>Measure adopted</source>
        <translation>采用的评估内容</translation>
    </message>
</context>
<context>
    <name>CultureTraits</name>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Cultural traits</source>
        <translation>数字文化关键内容评分</translation>
    </message>
    <message>
        <source>Key cultural traits (6.3.2 e)</source>
        <translation>数字文化关键内容（6.3.2 e）</translation>
    </message>
    <message>
        <source>Rate the &amp;traits, now and target:</source>
        <translation>为各项内容评分(&amp;T)（现状与目标）：</translation>
    </message>
    <message>
        <source>1 = weak … 5 = strong; — = not rated.</source>
        <translation>1 = 弱 … 5 = 强；— = 未评分。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overall index: %1</source>
        <translation>总体指数：%1</translation>
    </message>
    <message>
        <source>Answered: %1 of %2 (%3 %)</source>
        <translation>已回答：%1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>Average level now: %1</source>
        <translation>平均现状等级：%1</translation>
    </message>
    <message>
        <source>target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Top gaps: %1</source>
        <translation>最大差距：%1</translation>
    </message>
    <message>
        <source>Clauses that moved: start a follow-up round to compare with this one.</source>
        <translation>变化的条款：开始一轮复评后即可与本轮比较。</translation>
    </message>
    <message>
        <source>Clauses that moved since “%1”: %2</source>
        <translation>自“%1”以来变化的条款：%2 条</translation>
    </message>
    <message>
        <source>Overall index</source>
        <translation>总体指数</translation>
    </message>
    <message>
        <source>Completion by area</source>
        <translation>各领域完成情况</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Maturity level by part of the guide</source>
        <translation>指南各部分的成熟度等级</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Gaps ranked by priority</source>
        <translation>按优先级排序的差距</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Answers by area</source>
        <translation>各领域的回答分布</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Index by area and round</source>
        <translation>各领域各轮次的指数</translation>
    </message>
    <message>
        <source>Index (0–100)</source>
        <translation>指数（0–100）</translation>
    </message>
    <message>
        <source>micro enterprises</source>
        <translation>微型企业</translation>
    </message>
    <message>
        <source>small enterprises</source>
        <translation>小型企业</translation>
    </message>
    <message>
        <source>medium-sized enterprises</source>
        <translation>中型企业</translation>
    </message>
    <message>
        <source>large enterprises</source>
        <translation>大型企业</translation>
    </message>
    <message>
        <source>Compared with %1 engagements of the firm in the same industry (%2) and size band (%3), anonymised; only those their leads included.</source>
        <translation>与公司同行业（%2）、同规模档（%3）的 %1 个项目对比（已匿名；仅限负责人同意纳入的项目）。</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>尚无回答。</translation>
    </message>
    <message>
        <source>No gaps: set target levels above the current ones.</source>
        <translation>没有差距：请设置高于现状的目标等级。</translation>
    </message>
    <message>
        <source>Only one round so far. Start a follow-up round to compare.</source>
        <translation>目前只有一轮评估。开始复评后即可比较。</translation>
    </message>
    <message>
        <source>No font that can display Chinese was found, so Chinese text in charts may appear as empty boxes. Install a Chinese font (for example Noto Sans CJK SC) and restart dtbench.</source>
        <translation>未找到可显示中文的字体，图表中的中文可能显示为空白方框。请安装中文字体（例如 Noto Sans CJK SC）后重新启动 dtbench。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Firm benchmark</source>
        <translation>公司对标</translation>
    </message>
    <message>
        <source>Index by area: this client among the firm&apos;s engagements</source>
        <translation>各部分指数：本客户与公司其他项目对比</translation>
    </message>
    <message>
        <source>Firm: lowest to highest</source>
        <translation>公司项目：最低至最高</translation>
    </message>
    <message>
        <source>Firm: middle half</source>
        <translation>公司项目：中间一半</translation>
    </message>
    <message>
        <source>Firm: median</source>
        <translation>公司项目：中位数</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>本客户</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>Set the client&apos;s industry and size in the profile to compare it with the firm&apos;s other engagements.</source>
        <translation>请在概况中填写客户的行业和规模，以便与公司其他项目对比。</translation>
    </message>
    <message>
        <source>Not enough comparable engagements (%1 of %2).</source>
        <translation>可比项目不足（%1 / %2）。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Write the year first, as in 2026-03-01.</source>
        <translation>请先写年份，例如 2026-03-01。</translation>
    </message>
    <message>
        <source>Not a date. Type it as 2026-03-01.</source>
        <translation>这不是日期，请按 2026-03-01 的格式输入。</translation>
    </message>
    <message>
        <source>There is no such month. Type the date as 2026-03-01.</source>
        <translation>没有这个月份，请按 2026-03-01 的格式输入日期。</translation>
    </message>
    <message>
        <source>The year %1 is out of range.</source>
        <translation>年份%1超出范围。</translation>
    </message>
    <message>
        <source>%1 has %2 days.</source>
        <translation>%1只有%2天。</translation>
    </message>
    <message>
        <source>A date is needed here.</source>
        <translation>此处必须填写日期。</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Type a date: 2026-03-01, 2026/3/1, 2026年3月1日 or 1 Mar 2026. Alt+Down or F4 opens the calendar.</source>
        <translation>输入日期：2026-03-01、2026/3/1、2026年3月1日或 1 Mar 2026。Alt+Down 或 F4 打开日历。</translation>
    </message>
    <message>
        <source>The end is before the start (%1).</source>
        <translation>结束日期早于开始日期（%1）。</translation>
    </message>
    <message>
        <source>The start is after the end (%1).</source>
        <translation>开始日期晚于结束日期（%1）。</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>DiagnosisError</name>
    <message>
        <source>%1 is %2 MB; evidence files may be at most %3 MB. Attach a smaller file or a reduced copy (for example a compressed photo or a PDF extract).</source>
        <translation>%1 的大小为 %2 MB，证据文件最大 %3 MB。请附加较小的文件或压缩后的副本（例如压缩过的照片或 PDF 摘录）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>That assessment round no longer exists.</source>
        <translation>该评估轮次已不存在。</translation>
    </message>
    <message>
        <source>No engagement has the id %1.</source>
        <translation>没有编号为 %1 的咨询项目。</translation>
    </message>
    <message>
        <source>%1 matches %2 engagements; give more of the id.</source>
        <translation>%1 匹配到 %2 个咨询项目，请输入更长的编号。</translation>
    </message>
    <message>
        <source>The engagement has no assessment round %1 (it has %2).</source>
        <translation>该咨询项目没有第 %1 轮评估（现有轮次：%2）。</translation>
    </message>
</context>
<context>
    <name>DiagnosisPage</name>
    <message>
        <source>New assessment round</source>
        <translation>新评估轮次</translation>
    </message>
    <message>
        <source>The new round starts as a copy of the latest one; change what has moved since.

Name of the round:</source>
        <translation>新轮次以最近一轮的内容为起点，请修改此后发生变化的部分。

轮次名称：</translation>
    </message>
    <message>
        <source>New round %1</source>
        <translation>新轮次 %1</translation>
    </message>
    <message>
        <source>Also at this clause now: %1</source>
        <translation>此条款现在还有：%1</translation>
    </message>
    <message>
        <source>No clause in scope</source>
        <translation>没有纳入范围的条款</translation>
    </message>
    <message>
        <source>Choose the clauses to assess in the Scope step.</source>
        <translation>请在“评估范围”步骤中选择要评估的条款。</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>已回答 %1 / %2</translation>
    </message>
    <message>
        <source>coverage %1 %</source>
        <translation>符合度 %1 %</translation>
    </message>
    <message>
        <source>suggested level %1</source>
        <translation>建议等级 %1</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>差距 %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>优先级 %1</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>回答 %1</translation>
    </message>
    <message>
        <source>Last item of the clause — Ctrl+PgDown goes to the next clause.</source>
        <translation>已是本条款最后一项 —— 按 Ctrl+PgDown 进入下一条款。</translation>
    </message>
    <message>
        <source>Answered %1 of %2 (%3 %)</source>
        <translation>已回答 %1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>轮次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;New round…</source>
        <translation>新轮次(&amp;N)…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Keys: 1–4 status · 0 clear · Enter note · F1 all keys</source>
        <translation>按键：1–4 状态 · 0 清除 · Enter 备注 · F1 全部按键</translation>
    </message>
    <message>
        <source>Keys: 1 met · 2 partly met · 3 not met · 4 not applicable · 0 clear · Enter note · Ctrl+PgDown / Ctrl+PgUp next / previous clause · Alt+K checklist</source>
        <translation>按键：1 符合 · 2 部分符合 · 3 不符合 · 4 不适用 · 0 清除 · Enter 备注 · Ctrl+PgDown / Ctrl+PgUp 下一个/上一个条款 · Alt+K 检查清单</translation>
    </message>
</context>
<context>
    <name>DraftFindingsDialog</name>
    <message>
        <source>Draft key findings from the diagnosis</source>
        <translation>从诊断起草核心发现</translation>
    </message>
    <message>
        <source>One candidate per part of the guide where the gaps are largest, quoting your clause findings and checkpoint notes. Untick the ones to drop; edit titles here and rewrite or merge the rest after accepting.</source>
        <translation>在差距最大的指南各部分各起草一条候选，引用您记录的条款发现和检查项说明。取消勾选要舍弃的；标题可在此修改，其余内容在接受后改写或合并。</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>核心发现</translation>
    </message>
    <message>
        <source>Clauses</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Accept the ticked ones</source>
        <translation>接受勾选项</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>全部取消勾选</translation>
    </message>
</context>
<context>
    <name>EngagementListPage</name>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Search client, title or industry (Ctrl+F)</source>
        <translation>搜索客户、标题或行业（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Checking the database for damage…</source>
        <translation>正在检查数据库是否损坏…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>No database is open. Use File ▸ Open database… (Ctrl+O).</source>
        <translation>未打开数据库。请使用“文件 ▸ 打开数据库…”（Ctrl+O）。</translation>
    </message>
    <message>
        <source>No engagements yet. Create one with File ▸ New engagement (Ctrl+N), or look around in a sample engagement first: a fictitious Dalian manufacturer, fully diagnosed in two rounds.</source>
        <translation>还没有咨询项目。请通过“文件 ▸ 新建咨询项目”（Ctrl+N）创建，或先看看示例项目：一家虚构的大连制造企业，已完成两轮完整诊断。</translation>
    </message>
    <message>
        <source>Open the &amp;sample engagement</source>
        <translation>打开示例咨询项目(&amp;S)</translation>
    </message>
</context>
<context>
    <name>EngagementTableModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Working in it</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Working in this engagement now: %1</source>
        <translation>现在正在处理此项目的还有：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>That engagement no longer exists.</source>
        <translation>该咨询项目已不存在。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The value was not accepted: %1</source>
        <translation>该值未被接受：%1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>操作失败：%1</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3 (UTC) while you were editing it: your change is not saved.</source>
        <translation>您编辑期间，%1 于 %3（UTC）修改了 %2：您的修改尚未保存。</translation>
    </message>
    <message>
        <source>Someone else changed %2 while you were editing it: your change is not saved.</source>
        <translation>您编辑期间，其他人修改了 %2：您的修改尚未保存。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export client documents</source>
        <translation>导出客户文档</translation>
    </message>
    <message>
        <source>&amp;Word proposal (.docx)</source>
        <translation>Word 建议书 (.docx)(&amp;W)</translation>
    </message>
    <message>
        <source>Also as &amp;PDF, beside the Word file</source>
        <translation>同时生成 &amp;PDF（与 Word 文件同目录）</translation>
    </message>
    <message>
        <source>Also as PDF (needs LibreOffice, not installed)</source>
        <translation>同时生成 PDF（需要 LibreOffice，本机未安装）</translation>
    </message>
    <message>
        <source>The PDF is made with LibreOffice. Install it, or save the Word file as PDF from Word or WPS.</source>
        <translation>PDF 由 LibreOffice 生成。请安装 LibreOffice，或在 Word、WPS 中将 Word 文件另存为 PDF。</translation>
    </message>
    <message>
        <source>E&amp;xcel action plan (.xlsx)</source>
        <translation>Excel 行动计划 (.xlsx)(&amp;X)</translation>
    </message>
    <message>
        <source>None: dtbench&apos;s own layout</source>
        <translation>无：使用 dtbench 自带版式</translation>
    </message>
    <message>
        <source>Re&amp;draft from the scores</source>
        <translation>根据得分重新起草(&amp;D)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Language of the documents:</source>
        <translation>文档语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Firm &amp;template:</source>
        <translation>公司模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Consulting &amp;firm:</source>
        <translation>咨询机构(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Pre&amp;pared by:</source>
        <translation>编制(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reviewed by:</source>
        <translation>审核(&amp;R)：</translation>
    </message>
    <message>
        <source>Appr&amp;oved by:</source>
        <translation>批准(&amp;O)：</translation>
    </message>
    <message>
        <source>Classificatio&amp;n:</source>
        <translation>密级(&amp;N)：</translation>
    </message>
    <message>
        <source>Document control:</source>
        <translation>文档控制：</translation>
    </message>
    <message>
        <source>Sections of the proposal:</source>
        <translation>建议书包含的章节：</translation>
    </message>
    <message>
        <source>E&amp;xecutive summary (edit before exporting):</source>
        <translation>执行摘要（导出前可编辑）(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Set in Edit ▸ Preferences</source>
        <translation>在“编辑 ▸ 偏好设置”中设置</translation>
    </message>
    <message>
        <source>Cover page</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Document information</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>Background and scope</source>
        <translation>背景与范围</translation>
    </message>
    <message>
        <source>Diagnosis results</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Target blueprint</source>
        <translation>目标蓝图</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>路线图</translation>
    </message>
    <message>
        <source>Key initiatives</source>
        <translation>重点举措</translation>
    </message>
    <message>
        <source>Investment and benefits</source>
        <translation>投资与效益</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>绩效指标</translation>
    </message>
    <message>
        <source>Leadership and governance</source>
        <translation>领导作用与治理</translation>
    </message>
    <message>
        <source>Organization and culture</source>
        <translation>组织与文化</translation>
    </message>
    <message>
        <source>Risks and responses</source>
        <translation>风险与应对</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Appendix: glossary</source>
        <translation>附录：术语</translation>
    </message>
    <message>
        <source>Appendix: supporting detail (systems, KPI definitions)</source>
        <translation>附录：补充资料（系统清单、指标定义）</translation>
    </message>
    <message>
        <source>No version has been exported yet.</source>
        <translation>尚未导出过任何版本。</translation>
    </message>
    <message>
        <source>Exported so far: %1. Exporting records version %2 with today&apos;s date.</source>
        <translation>已导出：%1。本次导出将以今天的日期记录版本 %2。</translation>
    </message>
    <message>
        <source>Double-click or press Enter to go there.</source>
        <translation>双击或按回车键转到该处。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) to &amp;check before export:</source>
        <translation>
            <numerusform>导出前有 %n 项需检查(&amp;C)：</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to fix before export.</source>
        <translation>导出前无需修正。</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Firm template</source>
        <translation>公司模板</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message>
        <source>Gathering the engagement…</source>
        <translation>正在汇集项目资料…</translation>
    </message>
    <message>
        <source>Numbering the pages of the table of contents…</source>
        <translation>正在为目录编排页码…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Appendix: assessment method</source>
        <translation>附录：诊断方法</translation>
    </message>
    <message>
        <source>Appendix: findings clause by clause</source>
        <translation>附录：各条款诊断详情</translation>
    </message>
    <message>
        <source>Appendix: checklist summary</source>
        <translation>附录：诊断检查表汇总</translation>
    </message>
    <message>
        <source>Writing the Word proposal…</source>
        <translation>正在生成 Word 建议书…</translation>
    </message>
    <message>
        <source>Writing the Excel action plan…</source>
        <translation>正在生成 Excel 行动计划…</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>Try again?</source>
        <translation>是否重试？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Written:
%1</source>
        <translation>已生成：
%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Firm benchmark (when five or more engagements compare)</source>
        <translation>行业对标（可比项目达到五个及以上时）</translation>
    </message>
</context>
<context>
    <name>ExportError</name>
    <message>
        <source>%1 cannot be written: it is open in another program (Word, WPS, Excel…) or read-only. Close it and try again; nothing was changed.</source>
        <translation>无法写入 %1：该文件已在其他程序（Word、WPS、Excel 等）中打开或为只读。请关闭后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist or cannot be written.</source>
        <translation>文件夹 %1 不存在或无法写入。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file: choose a file name to write to.</source>
        <translation>%1 是一个文件夹，不是文件：请选择要写入的文件名。</translation>
    </message>
    <message>
        <source>The disk is full: %1 was not written; the previous file is unchanged.</source>
        <translation>磁盘已满：未能写入 %1；原有文件保持不变。</translation>
    </message>
    <message>
        <source>%1 could not be written (%2); the previous file is unchanged.</source>
        <translation>无法写入 %1（%2）；原有文件保持不变。</translation>
    </message>
    <message>
        <source>The Word template %1 cannot be used.</source>
        <translation>Word 模板 %1 无法使用。</translation>
    </message>
    <message>
        <source>The Word template %1 does not exist or cannot be read.</source>
        <translation>Word 模板 %1 不存在或无法读取。</translation>
    </message>
    <message>
        <source>The Word template %1 is not a .docx file. Open it in Word or WPS, save it as “Word Document (*.docx)” and choose that file.</source>
        <translation>Word 模板 %1 不是 .docx 文件。请在 Word 或 WPS 中打开它，另存为“Word 文档 (*.docx)”，然后选择该文件。</translation>
    </message>
    <message>
        <source>The Word template %1 is damaged or not really a .docx file, so it cannot be opened. Open it in Word or WPS, save it again as .docx and choose it again.</source>
        <translation>Word 模板 %1 已损坏或并非真正的 .docx 文件，无法打开。请在 Word 或 WPS 中打开它，重新另存为 .docx 后再选择。</translation>
    </message>
    <message>
        <source>The Word template %1 is protected with a password (or is an old .doc file renamed to .docx). Remove the password in Word (File ▸ Info ▸ Protect Document), save it as .docx and choose it again.</source>
        <translation>Word 模板 %1 设置了密码保护（或是改名为 .docx 的旧版 .doc 文件）。请在 Word 中取消密码（文件 ▸ 信息 ▸ 保护文档），另存为 .docx 后再选择。</translation>
    </message>
    <message>
        <source>The Word template %1 lacks the styles the proposal needs: %2. Word stores a built-in style in a file only once it is used: apply each of these styles to a paragraph (or a table) in the template, save it and choose it again.</source>
        <translation>Word 模板 %1 缺少建议书所需的样式：%2。Word 只有在样式被使用过后才会将内置样式保存到文件中：请在模板中将这些样式分别应用到一个段落（或表格）上，保存后再选择。</translation>
    </message>
    <message>
        <source>macros</source>
        <translation>宏</translation>
    </message>
    <message>
        <source>links to files or web addresses outside the document</source>
        <translation>指向文档外部文件或网址的链接</translation>
    </message>
    <message>
        <source>fields that fetch text or pictures from elsewhere (INCLUDEPICTURE…)</source>
        <translation>从外部获取文字或图片的域（INCLUDEPICTURE 等）</translation>
    </message>
    <message>
        <source>The Word template %1 contained %2; they were left out of the proposal.</source>
        <translation>Word 模板 %1 中含有%2，这些内容未带入建议书。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>The table of contents lists every chapter but has no page numbers yet: LibreOffice, which lays the pages out, is not installed. Word adds them when you update the table (right-click it, Update Field).</source>
        <translation>目录已列出各章节，但尚无页码：本机未安装用于排版分页的 LibreOffice。在 Word 中更新目录（右键单击目录，选择“更新域”）即可补上页码。</translation>
    </message>
    <message>
        <source>The PDF could not be written: it is made with LibreOffice, which is not installed on this computer. Install LibreOffice, or export the Word file and save it as PDF from Word or WPS.</source>
        <translation>无法生成 PDF：PDF 由 LibreOffice 生成，而本机未安装 LibreOffice。请安装 LibreOffice，或导出 Word 文件后在 Word、WPS 中另存为 PDF。</translation>
    </message>
    <message>
        <source>LibreOffice could not turn the proposal into %1; the Word file is complete. Try again, or save it as PDF from Word or WPS.</source>
        <translation>LibreOffice 未能将建议书转换为 %1；Word 文件已完整生成。请重试，或在 Word、WPS 中另存为 PDF。</translation>
    </message>
</context>
<context>
    <name>FieldworkPage</name>
    <message>
        <source>New interview</source>
        <translation>新访谈</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Who / what</source>
        <translation>对象 / 名称</translation>
    </message>
    <message>
        <source>Role, department / provided by</source>
        <translation>职务、部门 / 提供方</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新研讨会</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>受访人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Clauses to cover</source>
        <translation>访谈涉及的条款</translation>
    </message>
    <message>
        <source>Topics and observations</source>
        <translation>主题与发现</translation>
    </message>
    <message>
        <source>Clauses it informed</source>
        <translation>涉及条款</translation>
    </message>
    <message>
        <source>Suggest interviews</source>
        <translation>建议访谈</translation>
    </message>
    <message>
        <source>Every clause in scope is covered by a planned or held interview.</source>
        <translation>评估范围内的每个条款都已有计划中或已完成的访谈覆盖。</translation>
    </message>
    <message>
        <source>Suggest %1 interviews</source>
        <translation>建议 %1 场访谈</translation>
    </message>
    <message>
        <source>Draft interviews</source>
        <translation>起草访谈记录</translation>
    </message>
    <message>
        <source>Everyone named as an interviewee of the clauses is already in the register (the interviewees are entered with each clause&apos;s findings).</source>
        <translation>各条款记录的受访人均已在登记表中（受访人随各条款的诊断发现一并录入）。</translation>
    </message>
    <message>
        <source>Draft %1 interviews</source>
        <translation>起草 %1 条访谈记录</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Interview guide %1</source>
        <translation>访谈提纲-%1</translation>
    </message>
    <message>
        <source>Print interview guide</source>
        <translation>打印访谈提纲</translation>
    </message>
    <message>
        <source>Print schedule</source>
        <translation>打印访谈日程</translation>
    </message>
    <message>
        <source>Interview schedule</source>
        <translation>访谈日程安排</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>What the diagnosis rests on: the interviews planned and held, the workshops, the sites visited and the documents reviewed. Pick an interview in progress on the Diagnosis step to keep what each person said. The proposal lists the held interviews in its background chapter.</source>
        <translation>诊断的依据：计划中和已完成的访谈、研讨会、现场调研与查阅的资料。在“现状诊断”步骤中选择正在进行的访谈，即可记下每位受访人的说法。建议书在“项目背景”一章中列出已完成的访谈。</translation>
    </message>
    <message>
        <source>&amp;Interviews</source>
        <translation>访谈计划(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Workshops, sites and documents</source>
        <translation>研讨会、现场与资料(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Suggest interviews</source>
        <translation>建议访谈(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print interview guide…</source>
        <translation>打印访谈提纲(&amp;P)…</translation>
    </message>
    <message>
        <source>Print s&amp;chedule…</source>
        <translation>打印访谈日程(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Draft interviews from the diagnosis</source>
        <translation>根据诊断起草访谈记录(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>New key finding</source>
        <translation>新核心发现</translation>
    </message>
    <message>
        <source>Title (the problem)</source>
        <translation>标题（问题）</translation>
    </message>
    <message>
        <source>Clauses concerned</source>
        <translation>涉及条款</translation>
    </message>
    <message>
        <source>What we saw</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Based on (interviews, documents)</source>
        <translation>依据（访谈、资料）</translation>
    </message>
    <message>
        <source>A key finding needs a title that states the problem.</source>
        <translation>核心发现需要一个点明问题的标题。</translation>
    </message>
    <message>
        <source>Not a clause of the guide: %1</source>
        <translation>不是指南中的条款：%1</translation>
    </message>
    <message>
        <source>Each key finding says what was seen and cites clauses.</source>
        <translation>每条核心发现都写明了现状并注明了条款。</translation>
    </message>
    <message>
        <source>Chec&amp;ks: %1 problem(s)</source>
        <translation>检查(&amp;K)：%1 个问题</translation>
    </message>
    <message>
        <source>There is nothing to draft: no clause shows a gap that the key findings do not already cover. Answer the checkpoints and set target levels in the Diagnosis step first.</source>
        <translation>没有可起草的内容：没有尚未被核心发现覆盖、且存在差距的条款。请先在“诊断”步骤中回答检查项并设定目标等级。</translation>
    </message>
    <message>
        <source>Add %1 drafted key findings</source>
        <translation>添加 %1 条起草的核心发现</translation>
    </message>
    <message>
        <source>Bring the diagnosis together in a handful of key findings (typically 3–7), each stating a problem, what was seen, why it matters for the business and the clauses it concerns. They lead the proposal&apos;s diagnosis chapter, in this order (Alt+↑ and Alt+↓ move the selected one).</source>
        <translation>将诊断结果归纳为少数几条核心发现（通常3–7条），每条点明一个问题，说明现状、对经营的影响及涉及的条款。它们按此顺序列在建议书诊断章节之首（Alt+↑、Alt+↓ 移动所选条目）。</translation>
    </message>
    <message>
        <source>&amp;Draft from the diagnosis…</source>
        <translation>从诊断起草(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>FirmError</name>
    <message>
        <source>%1 is not a PNG or JPEG picture; the logo was not changed.</source>
        <translation>%1 不是 PNG 或 JPEG 图片，徽标未作更改。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>No change has been recorded here yet.</source>
        <translation>这里还没有记录任何修改。</translation>
    </message>
    <message>
        <source>Write back the value before the selected change</source>
        <translation>写回所选修改之前的值</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Restore the value &amp;before</source>
        <translation>恢复修改前的值(&amp;B)</translation>
    </message>
    <message>
        <source>Restore the value &amp;after</source>
        <translation>恢复修改后的值(&amp;A)</translation>
    </message>
    <message>
        <source>%1 (interview) · %2</source>
        <translation>%1（访谈）· %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Current level</source>
        <translation>现状等级</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>本记录</translation>
    </message>
    <message>
        <source>Before the change:</source>
        <translation>修改前：</translation>
    </message>
    <message>
        <source>After the change:</source>
        <translation>修改后：</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>History of clause %1</source>
        <translation>条款 %1 的修改历史</translation>
    </message>
    <message>
        <source>Restore %1 from the history</source>
        <translation>从历史恢复 %1</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的修改历史</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Who changed what and when; restore an earlier value (%1)</source>
        <translation>谁在何时修改了什么；恢复较早的值（%1）</translation>
    </message>
</context>
<context>
    <name>HistoryError</name>
    <message>
        <source>There is no change %1 in the history.</source>
        <translation>历史中没有修改 %1。</translation>
    </message>
    <message>
        <source>There is no clause %1 in the guide.</source>
        <translation>指南中没有条款 %1。</translation>
    </message>
    <message>
        <source>This value cannot be restored from the history: %1</source>
        <translation>无法从历史中恢复此值：%1</translation>
    </message>
    <message>
        <source>%1 has been removed since; restore the change that removed it first.</source>
        <translation>%1 已被删除；请先恢复删除它的那次修改。</translation>
    </message>
</context>
<context>
    <name>IdeasDialog</name>
    <message>
        <source>Ideas from the guide</source>
        <translation>指南中的建议做法</translation>
    </message>
    <message>
        <source>Check the ways the guide suggests that you want to plan as awareness actions. Space checks the current line.</source>
        <translation>勾选要列入认识提升行动的指南建议做法。按空格键勾选当前行。</translation>
    </message>
    <message>
        <source>&amp;Suggested ways:</source>
        <translation>建议做法(&amp;S)：</translation>
    </message>
    <message>
        <source>Managers (guide 6.1.3 c)</source>
        <translation>管理者（指南 6.1.3 c）</translation>
    </message>
    <message>
        <source>Employees (guide 6.1.4 a–c)</source>
        <translation>员工（指南 6.1.4 a–c）</translation>
    </message>
    <message>
        <source>%1 (already planned)</source>
        <translation>%1（已列入计划）</translation>
    </message>
    <message>
        <source>Add checked</source>
        <translation>添加勾选项</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <source>%1 was refused.</source>
        <translation>%1 已被拒绝。</translation>
    </message>
    <message>
        <source>The text “%1…” is too long (%2 characters): at most %3 characters can be kept in one field. Nothing was changed.</source>
        <translation>文字“%1…”过长（%2 个字符）：一个字段最多可保存 %3 个字符。未做任何更改。</translation>
    </message>
    <message>
        <source>%1 was refused: it is not a regular file (it is a folder, a device or a pipe). Nothing was read.</source>
        <translation>%1 已被拒绝：它不是普通文件（而是文件夹、设备或管道）。未读取任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: it is larger than %2, far more than such a file holds. Nothing was read.</source>
        <translation>%1 已被拒绝：它大于 %2，远超此类文件的大小。未读取任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 was refused: its data is nested more than %2 levels deep, which no dtbench file is. Nothing was imported.</source>
        <translation>%1 已被拒绝：其数据嵌套超过 %2 层，dtbench 文件不会如此。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: its list “%2” has %3 entries, more than the %4 dtbench accepts. Nothing was imported.</source>
        <translation>%1 已被拒绝：其列表“%2”有 %3 项，超过 dtbench 可接受的 %4 项。未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>InterviewError</name>
    <message>
        <source>The engagement has no interview %1: its plan lists %2.</source>
        <translation>该咨询项目没有第 %1 场访谈：访谈计划共列有 %2 场。</translation>
    </message>
    <message>
        <source>The engagement has no interviews planned: add them in Fieldwork.</source>
        <translation>该咨询项目还没有访谈计划：请在“调研工作”步骤中添加。</translation>
    </message>
</context>
<context>
    <name>InterviewPicker</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>What you record while an interview is picked is kept as what it said.</source>
        <translation>选中某场访谈时记录的内容，会作为该访谈的说法保存。</translation>
    </message>
    <message>
        <source>&amp;Interview:</source>
        <translation>访谈(&amp;I)：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Interviews: %1</source>
        <translation>访谈：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 differs: %2</source>
        <translation>%1 意见不一：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>InvestmentPage</name>
    <message>
        <source>cost line %1</source>
        <translation>%1年成本行</translation>
    </message>
    <message>
        <source>New benefit</source>
        <translation>新效益</translation>
    </message>
    <message>
        <source>benefit</source>
        <translation>效益</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Nature:</source>
        <translation>性质(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;mount (CNY 10k):</source>
        <translation>金额（万元）(&amp;M)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
    <message>
        <source>Be&amp;nefit:</source>
        <translation>效益(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;KPI:</source>
        <translation>关联指标(&amp;K)：</translation>
    </message>
    <message>
        <source>Base&amp;line:</source>
        <translation>基线(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Yearly value (CNY 10k):</source>
        <translation>年度效益（万元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>F&amp;rom year:</source>
        <translation>起始年份(&amp;R)：</translation>
    </message>
    <message>
        <source>Assu&amp;mption:</source>
        <translation>测算依据(&amp;M)：</translation>
    </message>
    <message>
        <source>A cost line needs an amount (0 or more).</source>
        <translation>成本行需要填写金额（0或以上）。</translation>
    </message>
    <message>
        <source>%1 (CNY 10k)</source>
        <translation>%1万元</translation>
    </message>
    <message>
        <source>Finished: counted as spent</source>
        <translation>已完成：计为已投入</translation>
    </message>
    <message>
        <source>Investment %1</source>
        <translation>投资%1</translation>
    </message>
    <message>
        <source>spent %1</source>
        <translation>已投入%1</translation>
    </message>
    <message>
        <source>still to spend %1</source>
        <translation>尚需投入%1</translation>
    </message>
    <message>
        <source>benefit a year at full effect %1</source>
        <translation>全面见效后年效益%1</translation>
    </message>
    <message>
        <source>payback in %1</source>
        <translation>%1年收回投资</translation>
    </message>
    <message>
        <source>no payback within the horizon</source>
        <translation>测算期内未能收回投资</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>of which spent</source>
        <translation>其中已投入</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>效益</translation>
    </message>
    <message>
        <source>Cumulative net</source>
        <translation>累计净收益</translation>
    </message>
    <message>
        <source>No phase</source>
        <translation>未分阶段</translation>
    </message>
    <message>
        <source>Finished (spent)</source>
        <translation>已完成（已投入）</translation>
    </message>
    <message>
        <source>Investment and benefit by year</source>
        <translation>各年度投资与效益</translation>
    </message>
    <message>
        <source>CNY 10,000</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Payback %1</source>
        <translation>%1年收回投资</translation>
    </message>
    <message>
        <source>No investment entered yet.</source>
        <translation>尚未填写投资。</translation>
    </message>
    <message>
        <source>&amp;Cost lines</source>
        <translation>成本明细(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Benefits</source>
        <translation>预期效益(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>汇总(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Initiatives:</source>
        <translation>举措(&amp;I)：</translation>
    </message>
    <message>
        <source>By year (CNY 10k)</source>
        <translation>按年度（万元）</translation>
    </message>
    <message>
        <source>By phase (CNY 10k)</source>
        <translation>按阶段（万元）</translation>
    </message>
    <message>
        <source>By kind (CNY 10k)</source>
        <translation>按类别（万元）</translation>
    </message>
</context>
<context>
    <name>KpiPage</name>
    <message>
        <source>New KPI</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category (6.2.3 a)</source>
        <translation>类别（6.2.3 a）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Data owner</source>
        <translation>数据收集责任者</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线值</translation>
    </message>
    <message>
        <source>Target per phase</source>
        <translation>各阶段目标值</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Calculation method</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Data source and transfer</source>
        <translation>数据来源及传递方式</translation>
    </message>
    <message>
        <source>Analysis method (6.2.3 d)</source>
        <translation>分析方法（6.2.3 d）</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>越…越好</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Measures initiatives</source>
        <translation>衡量的举措</translation>
    </message>
    <message>
        <source>Add %1 starter KPIs</source>
        <translation>添加 %1 个参考指标</translation>
    </message>
    <message>
        <source>Key performance indicators to judge the transformation (6.2.3): who collects the data, how it is calculated and analysed, the baseline, and the target at the end of each phase.</source>
        <translation>用于评价数字化转型的关键绩效指标（6.2.3）：由谁收集数据、如何计算与分析、基线值，以及各阶段结束时的目标值。</translation>
    </message>
    <message>
        <source>Add from the &amp;starter set…</source>
        <translation>从参考指标库添加(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Fewer than 20 employees</source>
        <translation>20 人以下</translation>
    </message>
    <message>
        <source>20–299 employees</source>
        <translation>20–299 人</translation>
    </message>
    <message>
        <source>300–999 employees</source>
        <translation>300–999 人</translation>
    </message>
    <message>
        <source>1,000 employees or more</source>
        <translation>1000 人及以上</translation>
    </message>
    <message>
        <source>Under CNY 3 million</source>
        <translation>300 万元以下</translation>
    </message>
    <message>
        <source>CNY 3–20 million</source>
        <translation>300 万–2000 万元</translation>
    </message>
    <message>
        <source>CNY 20–400 million</source>
        <translation>2000 万–4 亿元</translation>
    </message>
    <message>
        <source>CNY 400 million or more</source>
        <translation>4 亿元及以上</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>LeadershipPage</name>
    <message>
        <source>Key role</source>
        <translation>关键角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>&amp;Key role:</source>
        <translation>关键角色(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>职务(&amp;P)：</translation>
    </message>
    <message>
        <source>Responsi&amp;bilities:</source>
        <translation>职责(&amp;B)：</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>对象(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>完成期限(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Every member of the governance organisation needs a role.</source>
        <translation>治理组织的每位成员都需要指定关键角色。</translation>
    </message>
    <message>
        <source>Choose whom the action addresses.</source>
        <translation>请选择该行动面向的对象。</translation>
    </message>
    <message>
        <source>Choose the status of the action.</source>
        <translation>请选择该行动的状态。</translation>
    </message>
    <message>
        <source>Still to name: %1</source>
        <translation>尚未指定：%1</translation>
    </message>
    <message>
        <source>All key roles of 6.1.6 c are named.</source>
        <translation>6.1.6 c 所列关键人员均已指定。</translation>
    </message>
    <message>
        <source>%1: %2 actions, %3 done</source>
        <translation>%1：%2 项行动，已完成 %3 项</translation>
    </message>
    <message>
        <source>Rated %1 of %2: %3 met, %4 partly met, %5 not met</source>
        <translation>已评 %1/%2 项：符合 %3 项，部分符合 %4 项，不符合 %5 项</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评</translation>
    </message>
    <message>
        <source>Competency %1: %2</source>
        <translation>领导者能力 %1：%2</translation>
    </message>
    <message>
        <source>Note on competency %1</source>
        <translation>领导者能力 %1 的备注</translation>
    </message>
    <message>
        <source>Add %1 actions from the guide</source>
        <translation>从指南添加 %1 项行动</translation>
    </message>
    <message>
        <source>&amp;Governance organisation</source>
        <translation>治理组织(&amp;G)</translation>
    </message>
    <message>
        <source>Leader c&amp;ompetencies</source>
        <translation>领导者能力(&amp;O)</translation>
    </message>
    <message>
        <source>Awareness a&amp;ctions</source>
        <translation>认识提升行动(&amp;C)</translation>
    </message>
    <message>
        <source>Guide 6.1.6 c): %1</source>
        <translation>指南 6.1.6 c)：%1</translation>
    </message>
    <message>
        <source>Guide 6.1.1: %1</source>
        <translation>指南 6.1.1：%1</translation>
    </message>
    <message>
        <source>Leader competency chec&amp;klist (6.1.1):</source>
        <translation>领导者能力检查表（6.1.1）(&amp;K)：</translation>
    </message>
    <message>
        <source>These are the diagnosis&apos;s answers to 6.1.1: a rating given here shows in the Diagnosis step and the other way round. Keys: 1 met, 2 partly met, 3 not met, 0 not assessed (each moves to the next line). Space or a click on a status opens the list of statuses. Enter edits the note.</source>
        <translation>这里就是诊断中6.1.1的判定：在此评定的结果会显示在“诊断”步骤中，反之亦然。按键：1 符合，2 部分符合，3 不符合，0 未评估（每次按键后移到下一行）。空格或单击判定列打开判定列表。回车编辑备注。</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Competency or requirement</source>
        <translation>能力或要求</translation>
    </message>
    <message>
        <source>Awareness actions for managers (6.1.3) and employees (6.1.4): what will be done, who is responsible and by when.</source>
        <translation>面向管理者（6.1.3）和员工（6.1.4）的认识提升行动：做什么、由谁负责、何时完成。</translation>
    </message>
    <message>
        <source>&amp;Ideas from the guide…</source>
        <translation>指南建议做法(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>dtbench — Digital Transformation Consulting Workbench</source>
        <translation>dtbench — 数字化转型咨询工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>There is no database at %1. Create a new database there?</source>
        <translation>%1 处没有数据库。要在此新建一个数据库吗？</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>最近的数据库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New engagement…</source>
        <translation>新建咨询项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open engagement</source>
        <translation>打开咨询项目(&amp;O)</translation>
    </message>
    <message>
        <source>Edit &amp;profile</source>
        <translation>编辑概况(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>复制(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Back to engagement list</source>
        <translation>返回项目列表(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;xport client documents…</source>
        <translation>导出客户文档(&amp;X)…</translation>
    </message>
    <message>
        <source>New engagement from &amp;template…</source>
        <translation>从模板新建咨询项目(&amp;T)…</translation>
    </message>
    <message>
        <source>Save as te&amp;mplate…</source>
        <translation>另存为模板(&amp;M)…</translation>
    </message>
    <message>
        <source>Template &amp;library…</source>
        <translation>模板库(&amp;L)…</translation>
    </message>
    <message>
        <source>Export engagement &amp;file (.dtbx)…</source>
        <translation>导出项目文件 (.dtbx)(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import engagement file (.dtbx)…</source>
        <translation>导入项目文件 (.dtbx)(&amp;I)…</translation>
    </message>
    <message>
        <source>Take o&amp;ffline…</source>
        <translation>离线带走(&amp;F)…</translation>
    </message>
    <message>
        <source>S&amp;ynchronise…</source>
        <translation>同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>Export client &amp;questionnaire…</source>
        <translation>导出客户自评问卷(&amp;Q)…</translation>
    </message>
    <message>
        <source>Import filled q&amp;uestionnaire…</source>
        <translation>导入已填写的问卷(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>打开数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Connect to team ser&amp;ver…</source>
        <translation>连接团队服务器(&amp;V)…</translation>
    </message>
    <message>
        <source>Mem&amp;bers…</source>
        <translation>项目成员(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About dtbench</source>
        <translation>关于 dtbench(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>偏好设置(&amp;F)…</translation>
    </message>
    <message>
        <source>Open the &amp;sample engagement</source>
        <translation>打开示例咨询项目(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Lost the connection to the server: others&apos; changes will show again once it is back.</source>
        <translation>与服务器的连接已断开：恢复连接后将重新显示其他人的修改。</translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
    <message>
        <source>Backup of the database taken.</source>
        <translation>已备份数据库。</translation>
    </message>
    <message>
        <source>dtbench</source>
        <translation>dtbench</translation>
    </message>
    <message>
        <source>Replace the database anyway and discard them?</source>
        <translation>仍要替换数据库并放弃这些文字吗？</translation>
    </message>
    <message>
        <source>&amp;Discard and replace</source>
        <translation>放弃并替换(&amp;D)</translation>
    </message>
    <message>
        <source>Exported %1 file(s).</source>
        <translation>已导出 %1 个文件。</translation>
    </message>
    <message>
        <source>Creating the sample engagement…</source>
        <translation>正在创建示例项目…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Duplicate engagement</source>
        <translation>复制咨询项目</translation>
    </message>
    <message>
        <source>Title of the copy:</source>
        <translation>副本标题：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Engagement duplicated.</source>
        <translation>咨询项目已复制。</translation>
    </message>
    <message>
        <source>Engagement archived.</source>
        <translation>咨询项目已归档。</translation>
    </message>
    <message>
        <source>Delete engagement</source>
        <translation>删除咨询项目</translation>
    </message>
    <message>
        <source>Move “%1” to the trash? You can restore it from Edit ▸ Trash.</source>
        <translation>将“%1”移到回收站？之后可在“编辑 ▸ 回收站”中恢复。</translation>
    </message>
    <message>
        <source>Engagement moved to the trash.</source>
        <translation>咨询项目已移到回收站。</translation>
    </message>
    <message>
        <source>Open the other engagement anyway and discard them?</source>
        <translation>仍要打开另一个咨询项目并放弃这些文字吗？</translation>
    </message>
    <message>
        <source>&amp;Discard and open</source>
        <translation>放弃并打开(&amp;D)</translation>
    </message>
    <message>
        <source>Open the other database anyway and discard them?</source>
        <translation>仍要打开另一个数据库并放弃这些文字吗？</translation>
    </message>
    <message>
        <source>Close anyway and discard them?</source>
        <translation>仍要关闭并放弃这些文字吗？</translation>
    </message>
    <message>
        <source>&amp;Discard and close</source>
        <translation>放弃并关闭(&amp;D)</translation>
    </message>
    <message>
        <source>Stayed: some text you typed is not saved, as someone else changed it meanwhile. It is kept and marked; try again to choose.</source>
        <translation>未离开：您输入的部分文字尚未保存，因为其他人在此期间修改了同一内容。文字已保留并标出；再试一次时可重新选择。</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>偏好设置已保存。</translation>
    </message>
    <message>
        <source>Not closed: some text you typed is not saved, as someone else changed it meanwhile. It is kept and marked; close again to choose.</source>
        <translation>未关闭：您输入的部分文字尚未保存，因为其他人在此期间修改了同一内容。文字已保留并标出；再次关闭时可重新选择。</translation>
    </message>
    <message>
        <source>Taking a last backup of the database…</source>
        <translation>正在为数据库做关闭前的最后一次备份…</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <source>dtbench databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>dtbench 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>About dtbench</source>
        <translation>关于 dtbench</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Lead: manages members, edits everything</source>
        <translation>负责人：管理成员，可编辑全部内容</translation>
    </message>
    <message>
        <source>Member: edits the engagement</source>
        <translation>成员：可编辑本项目</translation>
    </message>
    <message>
        <source>Reader: reads only</source>
        <translation>只读者：只能查看</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>项目成员</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Add or change role</source>
        <translation>添加或更改角色(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>As the lead you add members, change roles and remove.</source>
        <translation>您是负责人，可以添加成员、更改角色和移除成员。</translation>
    </message>
    <message>
        <source>Only the engagement&apos;s lead changes its members; you see the list.</source>
        <translation>只有项目负责人可以更改成员；您只能查看名单。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Synchronise: conflicts</source>
        <translation>同步：冲突</translation>
    </message>
    <message>
        <source>%1 fields were changed both here and on the server since the last synchronisation. Choose which value to keep, row by row. Nothing is written until you press Synchronise.</source>
        <translation>自上次同步以来，有 %1 个字段在本机和服务器上都被改动过。请逐行选择要保留的值。按下“同步”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>全部保留本机的(&amp;M)</translation>
    </message>
    <message>
        <source>Keep all the &amp;server&apos;s</source>
        <translation>全部保留服务器的(&amp;S)</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>%1 still to decide.</source>
        <translation>还有 %1 项待决定。</translation>
    </message>
</context>
<context>
    <name>NewEngagementDialog</name>
    <message>
        <source>New engagement</source>
        <translation>新建咨询项目</translation>
    </message>
    <message>
        <source>&amp;Client name:</source>
        <translation>客户名称(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>Deliverable &amp;language:</source>
        <translation>交付语言(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. 大连某装备制造有限公司</source>
        <translation>例如：大连某装备制造有限公司</translation>
    </message>
    <message>
        <source>e.g. Digital transformation diagnosis 2026</source>
        <translation>例如：2026 年数字化转型诊断</translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <source>New engagement from template</source>
        <translation>从模板新建咨询项目</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Client name:</source>
        <translation>客户名称(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>项目名称(&amp;I)：</translation>
    </message>
    <message>
        <source>Deliverable &amp;language:</source>
        <translation>交付语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Plan &amp;starts on:</source>
        <translation>规划开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. 大连某装备制造有限公司</source>
        <translation>例如：大连某装备制造有限公司</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NextStepsPage</name>
    <message>
        <source>New step</source>
        <translation>新工作事项</translation>
    </message>
    <message>
        <source>Action or decision</source>
        <translation>工作事项或决策事项</translation>
    </message>
    <message>
        <source>Decision asked of the leadership</source>
        <translation>提请领导层决策</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What happens after the proposal. Mark the decisions the client&apos;s leadership is asked to take: the proposal lists them first, as a numbered request, then the next steps with their owners and dates.</source>
        <translation>建议书之后的工作安排。请勾选需要客户领导层决策的事项：建议书先逐条列出提请决策事项，再列出近期工作及其负责人和完成时间。</translation>
    </message>
</context>
<context>
    <name>OfflineUi</name>
    <message>
        <source>Take offline</source>
        <translation>离线带走</translation>
    </message>
    <message>
        <source>Connect to the firm&apos;s server first: engagements are taken offline from it.</source>
        <translation>请先连接公司服务器：咨询项目要从服务器离线带走。</translation>
    </message>
    <message>
        <source>No engagement on the server to take offline.</source>
        <translation>服务器上没有可离线带走的咨询项目。</translation>
    </message>
    <message>
        <source>Tick the engagements to copy into this computer&apos;s database. You work on them without a network and synchronise them when connected again.</source>
        <translation>勾选要复制到本机数据库的咨询项目。无网络时也可以继续工作，连接恢复后再同步。</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Copying “%1”…</source>
        <translation>正在复制“%1”…</translation>
    </message>
    <message>
        <source>%1 engagements are now in this computer&apos;s database (%2). Open it to work on them offline?</source>
        <translation>%1 个咨询项目已复制到本机数据库（%2）。是否打开该数据库离线工作？</translation>
    </message>
    <message>
        <source>Copying the engagements…</source>
        <translation>正在复制咨询项目…</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>%1 在 %2 上的密码：</translation>
    </message>
    <message>
        <source>This engagement was not taken offline from a firm&apos;s server: there is nothing to synchronise it with.</source>
        <translation>该咨询项目不是从公司服务器离线带走的：没有可与之同步的对象。</translation>
    </message>
    <message>
        <source>Synchronisation cancelled: nothing was written.</source>
        <translation>已取消同步：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Sending and receiving the changes…</source>
        <translation>正在发送和接收改动…</translation>
    </message>
    <message>
        <source>Synchronised: %1 records sent, %2 received.</source>
        <translation>同步完成：发送 %1 条记录，接收 %2 条。</translation>
    </message>
    <message>
        <source>Comparing with the server…</source>
        <translation>正在与服务器比较…</translation>
    </message>
</context>
<context>
    <name>OrgCulturePage</name>
    <message>
        <source>&amp;Organization</source>
        <translation>组织(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Culture</source>
        <translation>文化(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resistance</source>
        <translation>阻力(&amp;R)</translation>
    </message>
</context>
<context>
    <name>OrgCultureParts</name>
    <message>
        <source>%1 (now)</source>
        <translation>%1（现状）</translation>
    </message>
    <message>
        <source>%1 (target)</source>
        <translation>%1（目标）</translation>
    </message>
</context>
<context>
    <name>OrganizationTab</name>
    <message>
        <source>Guide: %1</source>
        <translation>指南：%1</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Transformation mode</source>
        <translation>转变模式</translation>
    </message>
    <message>
        <source>Organization notes</source>
        <translation>组织说明</translation>
    </message>
    <message>
        <source>Mode rationale</source>
        <translation>转变模式理由</translation>
    </message>
    <message>
        <source>Key characteristics of a digital organization (6.3.1 a)</source>
        <translation>数字化组织关键特征（6.3.1 a）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>&amp;Structure:</source>
        <translation>组织结构(&amp;S)：</translation>
    </message>
    <message>
        <source>Dr&amp;iving force:</source>
        <translation>驱动力(&amp;I)：</translation>
    </message>
    <message>
        <source>Mana&amp;gement relationship:</source>
        <translation>管理关系(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Notes on the organization:</source>
        <translation>组织说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Transformation mode (6.3.1 f)</source>
        <translation>转变模式（6.3.1 f）</translation>
    </message>
    <message>
        <source>Transformation &amp;mode:</source>
        <translation>转变模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Rationa&amp;le for the mode:</source>
        <translation>选择理由(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>PackageError</name>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a dtbench engagement file (.dtbx): it is not a zip archive. Nothing was imported.</source>
        <translation>%1 不是 dtbench 咨询项目文件（.dtbx）：它不是 zip 压缩包。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is a zip archive but not a dtbench engagement file (.dtbx). Nothing was imported.</source>
        <translation>%1 是 zip 压缩包，但不是 dtbench 咨询项目文件（.dtbx）。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be imported (%2). Nothing was imported.</source>
        <translation>%1 已损坏，无法导入（%2）。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is damaged: its part %2 is not valid JSON. Nothing was imported.</source>
        <translation>%1 已损坏：其中的 %2 不是有效的 JSON。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: the engagement in it is not valid (%2). Nothing was imported.</source>
        <translation>无法导入 %1：其中的咨询项目数据无效（%2）。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is incomplete: the part %2 is missing. Nothing was imported.</source>
        <translation>%1 不完整：缺少其中的 %2。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: it holds a part that does not belong in an engagement file (%2). Nothing was imported.</source>
        <translation>已拒绝 %1：其中含有不属于咨询项目文件的内容（%2）。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is damaged or was altered: the checksum of its part %2 does not match. Nothing was imported.</source>
        <translation>%1 已损坏或被改动过：其中 %2 的校验和不符。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: its part %2 has a path that leads outside the file&apos;s folder. Nothing was imported.</source>
        <translation>已拒绝 %1：其中 %2 的路径指向文件所在文件夹之外。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: its part %2 is a symbolic link. Nothing was imported.</source>
        <translation>已拒绝 %1：其中 %2 是符号链接。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was refused: it unpacks to far more data than an engagement file holds (%2); it may be a decompression bomb. Nothing was imported.</source>
        <translation>已拒绝 %1：解压后的数据量远超咨询项目文件应有的大小（%2），可能是“解压炸弹”。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was written by a newer dtbench (%2, file format %3). Update dtbench to import it; nothing was imported.</source>
        <translation>%1 由更新版本的 dtbench 写入（%2，文件格式 %3）。请升级 dtbench 后再导入；未导入任何内容。</translation>
    </message>
    <message>
        <source>The engagement “%1” in %2 is already in this database. Choose whether to replace it or to keep both; nothing was imported.</source>
        <translation>%2 中的咨询项目“%1”已在本数据库中。请选择替换它还是保留两者；未导入任何内容。</translation>
    </message>
    <message>
        <source>Importing %1 failed (%2). The database was left as it was.</source>
        <translation>导入 %1 失败（%2）。数据库保持原样。</translation>
    </message>
    <message>
        <source>The evidence file %1 is damaged in the database, so the engagement cannot be exported. Remove it (or attach it again) and try again.</source>
        <translation>数据库中的证据文件 %1 已损坏，因此无法导出该咨询项目。请移除该文件（或重新附加）后重试。</translation>
    </message>
</context>
<context>
    <name>PackageUi</name>
    <message>
        <source>dtbench engagement files (*.dtbx);;All files (*)</source>
        <translation>dtbench 咨询项目文件 (*.dtbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select the engagement to export in the list first.</source>
        <translation>请先在列表中选择要导出的咨询项目。</translation>
    </message>
    <message>
        <source>Export engagement file</source>
        <translation>导出咨询项目文件</translation>
    </message>
    <message>
        <source>Engagement exported to %1.</source>
        <translation>咨询项目已导出到 %1。</translation>
    </message>
    <message>
        <source>Writing the engagement file…</source>
        <translation>正在写入项目文件…</translation>
    </message>
    <message>
        <source>Import engagement</source>
        <translation>导入咨询项目</translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation>（在回收站中）</translation>
    </message>
    <message>
        <source>“%1 — %2”%3 is already in this database.</source>
        <translation>“%1 — %2”%3已在本数据库中。</translation>
    </message>
    <message>
        <source>Replace it with the engagement from %1, or keep both (the imported one is added as a copy marked “imported”)? Nothing is merged.</source>
        <translation>用 %1 中的咨询项目替换它，还是保留两者（导入的项目作为副本加入，标题标注“导入”）？不会合并任何内容。</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>保留两者(&amp;K)</translation>
    </message>
    <message>
        <source>Import engagement file</source>
        <translation>导入咨询项目文件</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入；未做任何更改。</translation>
    </message>
    <message>
        <source>Importing the engagement…</source>
        <translation>正在导入项目…</translation>
    </message>
    <message>
        <source>“%1” was replaced by the imported engagement.</source>
        <translation>“%1”已被导入的咨询项目替换。</translation>
    </message>
    <message>
        <source>The engagement was imported as a copy: “%1”.</source>
        <translation>咨询项目已作为副本导入：“%1”。</translation>
    </message>
    <message>
        <source>Engagement “%1” imported.</source>
        <translation>咨询项目“%1”已导入。</translation>
    </message>
    <message>
        <source>Reading the engagement file…</source>
        <translation>正在读取项目文件…</translation>
    </message>
</context>
<context>
    <name>PlanCheck</name>
    <message>
        <source>“%1” runs from %2 to %3, outside its phase “%4” (%5 to %6).</source>
        <translation>“%1”的时间为 %2 至 %3，超出了所属阶段“%4”（%5 至 %6）。</translation>
    </message>
    <message>
        <source>Phase “%1” ends before it starts.</source>
        <translation>阶段“%1”的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>“%1” ends before it starts.</source>
        <translation>“%1”的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>“%1” belongs to a phase that no longer exists.</source>
        <translation>“%1”所属的阶段已不存在。</translation>
    </message>
    <message>
        <source>“%1” depends on an initiative that no longer exists.</source>
        <translation>“%1”依赖的举措已不存在。</translation>
    </message>
    <message>
        <source>“%1” starts on %2, before “%3”, which it depends on, ends (%4).</source>
        <translation>“%1”于 %2 开始，早于其依赖的“%3”的结束日期（%4）。</translation>
    </message>
    <message>
        <source>Dependency cycle: %1.</source>
        <translation>存在循环依赖：%1。</translation>
    </message>
    <message>
        <source>“%1” is in phase “%2”, which comes before the phase of “%3”, which it depends on.</source>
        <translation>“%1”位于阶段“%2”，早于其依赖的“%3”所在的阶段。</translation>
    </message>
    <message>
        <source>“%1” names no clause: the proposal cannot say what in the guide it concerns.</source>
        <translation>“%1”未注明涉及的条款：建议书无法说明它对应指南的哪些要求。</translation>
    </message>
    <message>
        <source>“%1” does not say what was seen: the client reads a claim without evidence.</source>
        <translation>“%1”未写明所见现状：客户读到的将是没有依据的论断。</translation>
    </message>
    <message>
        <source>There are %1 key findings: a proposal leads with a handful (typically 3 to 7); merge the related ones.</source>
        <translation>目前有 %1 条核心发现：建议书通常只列少数几条（一般3至7条），请合并相关的发现。</translation>
    </message>
    <message>
        <source>A cost line of %1 belongs to an initiative that no longer exists.</source>
        <translation>一条%1年的成本行所属的举措已不存在。</translation>
    </message>
    <message>
        <source>“%1” has costs in %2, outside the years it runs (%3 to %4).</source>
        <translation>“%1”在%2年有成本，不在其实施年份内（%3至%4年）。</translation>
    </message>
    <message>
        <source>The benefit “%1” belongs to an initiative that no longer exists.</source>
        <translation>效益“%1”所属的举措已不存在。</translation>
    </message>
    <message>
        <source>The benefit “%1” of “%2” is linked to a KPI that no longer exists.</source>
        <translation>“%2”的效益“%1”关联的指标已不存在。</translation>
    </message>
    <message>
        <source>The benefit “%1” of “%2” has a yearly value but no assumption behind it.</source>
        <translation>“%2”的效益“%1”填写了年度金额，但没有测算依据。</translation>
    </message>
    <message>
        <source>The benefit “%1” of “%2” has a yearly value but no year it starts from.</source>
        <translation>“%2”的效益“%1”填写了年度金额，但没有起始年份。</translation>
    </message>
    <message>
        <source>System “%1” belongs to a phase that no longer exists.</source>
        <translation>系统“%1”所属的阶段已不存在。</translation>
    </message>
    <message>
        <source>System “%1” refers to an initiative that no longer exists.</source>
        <translation>系统“%1”关联的举措已不存在。</translation>
    </message>
    <message>
        <source>System “%1” is placed in phase “%2”, but its initiative “%3” is in phase “%4”.</source>
        <translation>系统“%1”安排在“%2”，但其举措“%3”属于“%4”。</translation>
    </message>
    <message>
        <source>System “%1” does not exist today: it cannot be kept, upgraded or retired.</source>
        <translation>系统“%1”目前并不存在，无法保留、升级或停用。</translation>
    </message>
    <message>
        <source>System “%1” is to be built, upgraded or retired but has no phase.</source>
        <translation>系统“%1”需要新建、升级或停用，但尚未安排阶段。</translation>
    </message>
    <message>
        <source>An integration link (%1) connects a system that is no longer in the register.</source>
        <translation>集成链路（%1）连接的系统已不在系统清单中。</translation>
    </message>
    <message>
        <source>The link “%1” is said to work today, but system “%2” does not exist yet.</source>
        <translation>集成链路“%1”标为目前已打通，但系统“%2”目前尚不存在。</translation>
    </message>
    <message>
        <source>“%1” is a high risk (%2) with no response: say how it is to be handled.</source>
        <translation>“%1”是高风险（%2），尚无应对措施：请说明如何应对。</translation>
    </message>
    <message>
        <source>“%1” is a high risk (%2) with no owner: name who answers for it.</source>
        <translation>“%1”是高风险（%2），尚无责任人：请指定负责人。</translation>
    </message>
    <message>
        <source>“%1” concerns an initiative that no longer exists.</source>
        <translation>“%1”关联的举措已不存在。</translation>
    </message>
</context>
<context>
    <name>PlanDrafts</name>
    <message>
        <source>Not saved: someone else changed this meanwhile. Leave the field to choose again.</source>
        <translation>未保存：其他人在此期间修改了此处。离开此栏可重新选择。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Consulting firm</source>
        <translation>咨询机构</translation>
    </message>
    <message>
        <source>&amp;Name (Chinese):</source>
        <translation>名称（中文）(&amp;N)：</translation>
    </message>
    <message>
        <source>Name (&amp;English):</source>
        <translation>名称（英文）(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address (Chinese):</source>
        <translation>地址（中文）(&amp;A)：</translation>
    </message>
    <message>
        <source>Address (E&amp;nglish):</source>
        <translation>地址（英文）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>徽标(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Shown on the cover and in the document control of every proposal written on this computer (the name in the proposal&apos;s language; an engagement may name another firm in its export settings). The logo is a PNG or JPEG picture.</source>
        <translation>显示在本机编制的每份建议书的封面和文档控制中（名称按建议书的语言显示；单个项目可在导出设置中另行填写咨询机构）。徽标须为 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>（无徽标）</translation>
    </message>
    <message>
        <source>Firm logo</source>
        <translation>机构徽标</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Client profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <source>Fieldwork</source>
        <translation>调研工作</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>现状诊断</translation>
    </message>
    <message>
        <source>Key findings</source>
        <translation>核心发现</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>目标蓝图</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>路线图</translation>
    </message>
    <message>
        <source>Investment and benefits</source>
        <translation>投资与效益</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>绩效指标</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Leadership</source>
        <translation>领导作用</translation>
    </message>
    <message>
        <source>Organization and culture</source>
        <translation>组织与文化</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>deliverables</source>
        <translation>交付成果</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>阶段目标</translation>
    </message>
    <message>
        <source>entry criteria</source>
        <translation>进入条件</translation>
    </message>
    <message>
        <source>exit criteria</source>
        <translation>退出条件</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>calculation</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>responsibilities</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>mitigation</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>response</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>what flows</source>
        <translation>传递内容</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>what we saw</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <source>why it matters</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>愿景</translation>
    </message>
    <message>
        <source>principle adopted</source>
        <translation>采纳的原则</translation>
    </message>
    <message>
        <source>criterion adopted</source>
        <translation>采纳的准则</translation>
    </message>
    <message>
        <source>culture target</source>
        <translation>文化目标</translation>
    </message>
    <message>
        <source>culture measure</source>
        <translation>文化评价措施</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>why this mode</source>
        <translation>选择理由</translation>
    </message>
    <message>
        <source>executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>consulting firm</source>
        <translation>咨询机构</translation>
    </message>
    <message>
        <source>prepared by</source>
        <translation>编制</translation>
    </message>
    <message>
        <source>reviewed by</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>client name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>main products</source>
        <translation>主要产品</translation>
    </message>
    <message>
        <source>existing systems</source>
        <translation>现有系统</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>consultants</source>
        <translation>咨询顾问</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>firm name (Chinese)</source>
        <translation>机构名称（中文）</translation>
    </message>
    <message>
        <source>firm name (English)</source>
        <translation>机构名称（英文）</translation>
    </message>
    <message>
        <source>firm address (Chinese)</source>
        <translation>机构地址（中文）</translation>
    </message>
    <message>
        <source>firm address (English)</source>
        <translation>机构地址（英文）</translation>
    </message>
    <message>
        <source>Chinese text in the English documents: “%1”.</source>
        <translation>英文文档中出现中文：“%1”。</translation>
    </message>
    <message>
        <source>English sentence in the Chinese documents: “%1”.</source>
        <translation>中文文档中出现英文句子：“%1”。</translation>
    </message>
    <message>
        <source>Clause %1 is rated but has no findings: the proposal will say that none were recorded.</source>
        <translation>条款 %1 已评估，但没有填写发现：建议书中该条款将写明未记录发现。</translation>
    </message>
    <message>
        <source>“%1” has no owner.</source>
        <translation>“%1”没有负责人。</translation>
    </message>
    <message>
        <source>“%1” has no start or end date: the roadmap cannot place it.</source>
        <translation>“%1”没有开始或结束日期：路线图无法排布它。</translation>
    </message>
    <message>
        <source>“%1” is cancelled, but its budget (%2) still counts in the investment plan as money to be spent.</source>
        <translation>“%1”已取消，但其预算（%2）仍作为待投入资金计入投资计划。</translation>
    </message>
    <message>
        <source>“%1” is done, but a cost line of %2 is planned for %3: finished work is counted as spending still to come.</source>
        <translation>“%1”已完成，但仍有一笔%2的费用安排在%3年：已完成的工作被计为尚待投入的支出。</translation>
    </message>
    <message>
        <source>The baseline cited, “%1”, is not the baseline of its KPI “%2”: “%3”.</source>
        <translation>引用的基线“%1”与所关联指标“%2”的基线不一致：“%3”。</translation>
    </message>
    <message>
        <source>The target cited, “%1”, is none of the targets of its KPI “%2”: “%3”.</source>
        <translation>引用的目标“%1”不是所关联指标“%2”的任何一个目标值：“%3”。</translation>
    </message>
    <message>
        <source>No consulting firm is named: the cover and the document control will show no firm. Set the firm&apos;s name in the preferences (or for this engagement in the export settings).</source>
        <translation>未设置咨询机构名称：封面和文档控制中将不显示机构。请在偏好设置中填写机构名称（或在导出设置中为本项目单独填写）。</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>The title and the client name cannot be empty.</source>
        <translation>标题和客户名称不能为空。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Client contacts</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Cons&amp;ultants:</source>
        <translation>顾问(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Deliverable &amp;language:</source>
        <translation>交付语言(&amp;L)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Client &amp;name:</source>
        <translation>客户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Short na&amp;me:</source>
        <translation>简称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>Size (emplo&amp;yees):</source>
        <translation>规模（人数）(&amp;Y)：</translation>
    </message>
    <message>
        <source>Size (&amp;revenue):</source>
        <translation>规模（营业收入）(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>地区(&amp;G)：</translation>
    </message>
    <message>
        <source>Main pro&amp;ducts:</source>
        <translation>主要产品(&amp;D)：</translation>
    </message>
    <message>
        <source>E&amp;xisting systems:</source>
        <translation>现有系统(&amp;X)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Other systems, separated by commas</source>
        <translation>其他系统，用逗号分隔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>&amp;Add contact</source>
        <translation>添加联系人(&amp;A)</translation>
    </message>
    <message>
        <source>Remove &amp;contact</source>
        <translation>删除联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Include in the firm benchmark (anonymised)</source>
        <translation>纳入公司对标（匿名）</translation>
    </message>
    <message>
        <source>Shares with the firm&apos;s consultants, under a random code, only this engagement&apos;s industry, size band, area indices and clause levels; never the client&apos;s name, the title, people or any text. Other clients are compared with it only in groups of five or more. Untick to remove it.</source>
        <translation>仅以随机代码向公司顾问共享本项目的行业、规模档、各部分指数和条款等级；绝不共享客户名称、项目标题、人员或任何文字。只有可比项目达到五个及以上时才用于与其他客户对比。取消勾选即移除。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <source>questionnaire</source>
        <translation>自评问卷</translation>
    </message>
    <message>
        <source>Export questionnaire</source>
        <translation>导出自评问卷</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Questionnaire written to %1</source>
        <translation>问卷已保存到 %1</translation>
    </message>
    <message>
        <source>Writing the questionnaire…</source>
        <translation>正在写入问卷…</translation>
    </message>
    <message>
        <source>Import questionnaire</source>
        <translation>导入自评问卷</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the questionnaire…</source>
        <translation>正在读取问卷…</translation>
    </message>
    <message>
        <source>%1 changes nothing in round %2: every answer in it is already recorded.</source>
        <translation>%1 不会改动评估轮次 %2：其中的答案均已记录。</translation>
    </message>
    <message>
        <source>Import %1 answer(s) from a questionnaire</source>
        <translation>从问卷导入 %1 项答案</translation>
    </message>
    <message>
        <source>%1 answer(s) imported into round %2.</source>
        <translation>已将 %1 项答案导入评估轮次 %2。</translation>
    </message>
</context>
<context>
    <name>QuestionnaireError</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (.xlsx), or it is damaged. Ask for the questionnaire to be saved again as “Excel Workbook (*.xlsx)” and import that file.</source>
        <translation>%1 不是 Excel 工作簿（.xlsx），或者已损坏。请对方把问卷另存为“Excel 工作簿 (*.xlsx)”，再导入该文件。</translation>
    </message>
    <message>
        <source>%1 is far too large to be a questionnaire (%2 MB unpacked), so it was not opened.</source>
        <translation>%1 解压后有 %2 MB，远超问卷应有的大小，因此未打开。</translation>
    </message>
    <message>
        <source>%1 is not a dtbench questionnaire: its hidden description sheet is missing. Import the workbook that dtbench exported and the client filled in, not a copy pasted into another file.</source>
        <translation>%1 不是 dtbench 问卷：缺少其隐藏的说明信息工作表。请导入由 dtbench 导出、客户填写后的工作簿，而不是复制粘贴到其他文件中的副本。</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of dtbench (questionnaire format %2); update dtbench to import it.</source>
        <translation>%1 由更新版本的 dtbench 生成（问卷格式 %2）；请升级 dtbench 后再导入。</translation>
    </message>
    <message>
        <source>This workbook belongs to the engagement “%1” (client %2), not to this one. Open that engagement to import it, or export a questionnaire for this one.</source>
        <translation>此工作簿属于项目“%1”（客户：%2），不属于当前项目。请打开该项目后再导入，或为当前项目导出一份问卷。</translation>
    </message>
    <message>
        <source>This workbook belongs to the engagement “%1” (client %2), which is not in this database, not to this one. Export a questionnaire for this engagement instead.</source>
        <translation>此工作簿属于项目“%1”（客户：%2），该项目不在本数据库中，也不是当前项目。请为当前项目另行导出问卷。</translation>
    </message>
    <message>
        <source>The hidden description of %1 was changed, so its answers cannot be matched to the items. Export a new questionnaire for the client.</source>
        <translation>%1 的隐藏说明信息被修改过，无法把答案对应到检查项。请为客户重新导出问卷。</translation>
    </message>
    <message>
        <source>The sheet “%1” is missing from the workbook, so there are no answers to import. Ask for the workbook to be returned with its sheets unchanged.</source>
        <translation>工作簿中缺少工作表“%1”，没有可导入的答案。请对方在不改动工作表的情况下发回工作簿。</translation>
    </message>
    <message>
        <source>The structure of the questionnaire was changed at row %1 (expected %2, found %3), so its answers cannot be matched to the items. Ask for it to be filled in without adding, removing or moving rows or changing keys, or export a new questionnaire.</source>
        <translation>问卷结构在第 %1 行被改动（应为 %2，实为 %3），无法把答案对应到检查项。请对方在不增删、不移动行、不修改编号的情况下填写，或重新导出问卷。</translation>
    </message>
    <message>
        <source>Cell %1 holds “%2”, which is not a status. Choose one of %3 from the drop-down list in that cell, or leave it empty.</source>
        <translation>单元格 %1 中的“%2”不是有效状态。请在该单元格的下拉列表中选择 %3 之一，或留空。</translation>
    </message>
    <message>
        <source>No clause of this engagement is in scope, so the questionnaire would be empty. Choose the clauses in the Scope step first.</source>
        <translation>本项目没有纳入范围的条款，问卷将是空的。请先在“范围”步骤中选择条款。</translation>
    </message>
</context>
<context>
    <name>QuestionnairePreviewDialog</name>
    <message numerus="yes">
        <source>%n of %1 change(s) selected.</source>
        <translation>
            <numerusform>已选择 %1 项改动中的 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import questionnaire</source>
        <translation>导入自评问卷</translation>
    </message>
    <message numerus="yes">
        <source>%1 proposes %n change(s) to round %2. Untick those you do not want and apply the rest; nothing is changed until you do.</source>
        <translation>
            <numerusform>%1 建议对评估轮次 %2 做 %n 项改动。取消勾选不需要的项，再应用其余各项；在此之前不会做任何改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Current note</source>
        <translation>当前说明</translation>
    </message>
    <message>
        <source>Proposed status</source>
        <translation>建议状态</translation>
    </message>
    <message>
        <source>Proposed note</source>
        <translation>建议说明</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;pply selected</source>
        <translation>应用所选(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>the file or folder does not exist</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk or folder is read-only</source>
        <translation>磁盘或文件夹为只读</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>已经存在</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>正被其他程序使用</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称过长</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>磁盘无法读写</translation>
    </message>
    <message>
        <source>the name is not valid here</source>
        <translation>该名称在此处无效</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>ResistanceRegister</name>
    <message>
        <source>resistance entry</source>
        <translation>阻力条目</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>阻力来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Ca&amp;use:</source>
        <translation>原因(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Mitigation:</source>
        <translation>化解措施(&amp;M)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>%1 (guide %2): %3</source>
        <translation>%1（指南 %2）：%3</translation>
    </message>
    <message>
        <source>Causes of resistance named by the guide (6.3.2 h): %1</source>
        <translation>指南列出的阻力原因（6.3.2 h）：%1</translation>
    </message>
    <message>
        <source>Resistance to digital culture (6.3.2 h): who resists, why, and how it is resolved.</source>
        <translation>数字文化塑造的阻力（6.3.2 h）：谁在抵触、原因是什么、如何化解。</translation>
    </message>
</context>
<context>
    <name>RisksPage</name>
    <message>
        <source>New risk</source>
        <translation>新风险</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>风险(&amp;R)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>类别(&amp;G)</translation>
    </message>
    <message>
        <source>Pro&amp;bability (1–5)</source>
        <translation>发生可能性(&amp;B)（1–5）</translation>
    </message>
    <message>
        <source>&amp;Impact (1–5)</source>
        <translation>影响程度(&amp;I)（1–5）</translation>
    </message>
    <message>
        <source>Res&amp;ponse</source>
        <translation>应对措施(&amp;P)</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>责任人(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>Concerns i&amp;nitiatives</source>
        <translation>涉及举措(&amp;N)</translation>
    </message>
    <message>
        <source>Every open high risk has a response and an owner.</source>
        <translation>所有未关闭的高风险都已有应对措施和责任人。</translation>
    </message>
    <message>
        <source>Chec&amp;ks: %1 open high risk(s), %2 problem(s)</source>
        <translation>检查(&amp;K)：未关闭的高风险 %1 项，问题 %2 个</translation>
    </message>
    <message>
        <source>Starter risks</source>
        <translation>常见风险</translation>
    </message>
    <message>
        <source>Common risks of a transformation programme, drawn from the guide&apos;s principles and success factors, with a typical probability and impact and a suggested response (shown as a tooltip). Tick the ones that apply (Space ticks the current row); adapt the ratings, response and owner to the client afterwards. People&apos;s resistance to change belongs in Organization and culture.</source>
        <translation>数字化转型项目的常见风险，取自指南的基本原则和成功因素，附典型的发生可能性、影响程度和建议的应对措施（见提示）。勾选适用的风险（空格键勾选当前行）；添加后再按企业实际调整评分、应对措施和责任人。人员对变革的阻力请在“组织与文化”中登记。</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>P × I</source>
        <translation>可能性 × 影响</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Add the ticked risks</source>
        <translation>添加勾选的风险</translation>
    </message>
    <message>
        <source>already added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Add %1 starter risks</source>
        <translation>添加 %1 项常见风险</translation>
    </message>
    <message>
        <source>Risk matrix</source>
        <translation>风险矩阵</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>发生可能性</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响程度</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>No risks yet: add one, or pick from the starter set.</source>
        <translation>尚无风险：请添加，或从常见风险中选择。</translation>
    </message>
    <message>
        <source>The programme&apos;s risks (guide 6.1.6 g: warn of transformation risks and plan the response): how likely each is and how much it would hurt, on a scale of 1 to 5, what is done about it and who answers for it. The matrix places them; a score of 15 or more is high.</source>
        <translation>转型项目的风险（指南 6.1.6 g：预警数字化转型风险并制定应对预案）：每项风险的发生可能性和影响程度（1–5分）、应对措施和责任人。风险矩阵标出各项风险的位置；风险值15分及以上为高风险。</translation>
    </message>
    <message>
        <source>Add from the &amp;starter set…</source>
        <translation>从参考指标库添加(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>RoadmapPage</name>
    <message>
        <source>New phase</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>New initiative</source>
        <translation>新举措</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Entry criteria</source>
        <translation>准入条件</translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation>准出条件</translation>
    </message>
    <message>
        <source>Transformation contents (6.2.2 c)</source>
        <translation>转型内容（6.2.2 c）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected value (1–5)</source>
        <translation>预期价值（1–5）</translation>
    </message>
    <message>
        <source>Effort (1–5)</source>
        <translation>投入难度（1–5）</translation>
    </message>
    <message>
        <source>Budget (CNY 10,000)</source>
        <translation>预算（万元）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Linked clauses</source>
        <translation>关联条款</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>External consulting needed</source>
        <translation>需要外部咨询</translation>
    </message>
    <message>
        <source>Consulting task (6.2.2 e)</source>
        <translation>咨询任务（6.2.2 e）</translation>
    </message>
    <message>
        <source>Key initiative: a charter in the proposal</source>
        <translation>重点举措（建议书中列出任务书）</translation>
    </message>
    <message>
        <source>Charter: objective</source>
        <translation>任务书：目标</translation>
    </message>
    <message>
        <source>Charter: scope</source>
        <translation>任务书：范围</translation>
    </message>
    <message>
        <source>Charter: deliverables</source>
        <translation>任务书：主要交付物</translation>
    </message>
    <message>
        <source>Charter: milestones (one per line)</source>
        <translation>任务书：里程碑（每行一个）</translation>
    </message>
    <message>
        <source>Charter: team</source>
        <translation>任务书：团队</translation>
    </message>
    <message>
        <source>Charter: acceptance criteria</source>
        <translation>任务书：验收标准</translation>
    </message>
    <message>
        <source>Charter: risks</source>
        <translation>任务书：主要风险</translation>
    </message>
    <message>
        <source>This initiative&apos;s budget is the sum of its cost lines; change them in the Investment and benefits step.</source>
        <translation>该举措的预算是其成本明细之和，请在“投资与效益”步骤中修改成本明细。</translation>
    </message>
    <message>
        <source>That dependency would close a cycle: an initiative cannot depend, directly or through others, on itself.</source>
        <translation>该依赖会形成循环：举措不能直接或间接地依赖自身。</translation>
    </message>
    <message>
        <source>Not a clause of the guide: %1</source>
        <translation>不是指南中的条款：%1</translation>
    </message>
    <message>
        <source>No problems found in dates and dependencies.</source>
        <translation>日期和依赖关系未发现问题。</translation>
    </message>
    <message>
        <source>Roadmap chec&amp;ks: %1 problem(s)</source>
        <translation>路线图检查(&amp;K)：%1 个问题</translation>
    </message>
    <message>
        <source>There is nothing to suggest: every clause with a gap (target above current level) already has an initiative. Set target levels in the Diagnosis step.</source>
        <translation>没有可建议的举措：所有存在差距（目标高于现状）的条款都已有举措。请在“现状诊断”步骤中设置目标等级。</translation>
    </message>
    <message>
        <source>Accept %1 suggested initiatives</source>
        <translation>采纳 %1 项建议举措</translation>
    </message>
    <message>
        <source>Priority matrix</source>
        <translation>优先级矩阵</translation>
    </message>
    <message>
        <source>Expected value</source>
        <translation>预期价值</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入难度</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>速赢项目</translation>
    </message>
    <message>
        <source>Major projects</source>
        <translation>重大项目</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>填充项目</translation>
    </message>
    <message>
        <source>Reconsider</source>
        <translation>重新考虑</translation>
    </message>
    <message>
        <source>Roadmap by phase</source>
        <translation>分阶段路线图</translation>
    </message>
    <message>
        <source>No phase</source>
        <translation>未分阶段</translation>
    </message>
    <message>
        <source>Give initiatives start and end dates to see the Gantt chart.</source>
        <translation>为举措设置开始和结束日期后即可显示甘特图。</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>&amp;Phases</source>
        <translation>阶段(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Initiatives</source>
        <translation>举措(&amp;I)</translation>
    </message>
    <message>
        <source>Cha&amp;rts</source>
        <translation>图表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Suggest initiatives…</source>
        <translation>建议举措(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>Save as template</source>
        <translation>另存为项目模板</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>e.g. Machining SMEs (MES first)</source>
        <translation>例如：机加工中小企业（MES优先）</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>现状诊断</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>实施规划</translation>
    </message>
    <message>
        <source>Organization and culture</source>
        <translation>组织与文化</translation>
    </message>
    <message>
        <source>&amp;All organization and culture items</source>
        <translation>全部组织与文化内容(&amp;A)</translation>
    </message>
    <message>
        <source>Never carried over: the client&apos;s name and contacts, answers, findings, current levels and KPI baselines. People&apos;s names are removed, owners cleared and statuses reset; dates become offsets from the start of the plan.</source>
        <translation>以下内容不会带入模板：客户名称和联系人、检查项答复、诊断发现、现状等级和绩效指标基线。人员姓名会被去除，负责人清空，状态重置；日期转换为相对规划开始日的天数。</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>保存模板(&amp;S)</translation>
    </message>
    <message>
        <source>Replace template</source>
        <translation>替换模板</translation>
    </message>
    <message>
        <source>A template called “%1” already exists. Replace it?</source>
        <translation>已有名为“%1”的模板。要替换它吗？</translation>
    </message>
    <message>
        <source>Save to the &amp;firm library (every consultant can use it)</source>
        <translation>保存到公司模板库(&amp;F)（所有顾问均可使用）</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>In scope: %1 of %2 clauses, %3 items and sub-items to assess.</source>
        <translation>纳入范围：%1 / %2 个条款，需评估 %3 个条目和子条目。</translation>
    </message>
    <message>
        <source>Include %1</source>
        <translation>纳入 %1</translation>
    </message>
    <message>
        <source>Exclude %1</source>
        <translation>排除 %1</translation>
    </message>
    <message>
        <source>A weight must be a number from %1 to %2.</source>
        <translation>权重必须是 %1 到 %2 之间的数字。</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>%1 的权重</translation>
    </message>
    <message>
        <source>Choose the clauses this engagement assesses and weight the ones that matter most (weight 1 = normal). Clauses left out disappear from the diagnosis and from every score. Space toggles the selected line; type a number to change a weight.</source>
        <translation>选择本项目要评估的条款，并为最重要的条款设置权重（权重 1 为一般）。未纳入的条款不出现在诊断中，也不计入任何得分。按空格键切换所选行；输入数字可修改权重。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search a key or a command</source>
        <translation>搜索按键或命令</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用位置</translation>
    </message>
    <message>
        <source>Engagement steps</source>
        <translation>项目步骤</translation>
    </message>
    <message>
        <source>Diagnosis checklist</source>
        <translation>诊断检查表</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>评估范围</translation>
    </message>
    <message>
        <source>Date fields</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <source>Text fields</source>
        <translation>文本字段</translation>
    </message>
    <message>
        <source>Engagement list</source>
        <translation>项目列表</translation>
    </message>
    <message>
        <source>Plan lists</source>
        <translation>规划清单</translation>
    </message>
    <message>
        <source>Search the engagements; Down goes into the list</source>
        <translation>搜索项目；Down 键进入列表</translation>
    </message>
    <message>
        <source>In the search: open the engagement found</source>
        <translation>在搜索框中：打开找到的项目</translation>
    </message>
    <message>
        <source>Go to step 1 to 9</source>
        <translation>转到第1至第9步</translation>
    </message>
    <message>
        <source>Go to the guide</source>
        <translation>转到指南</translation>
    </message>
    <message>
        <source>Walk the steps (the keyboard stays in the list)</source>
        <translation>在步骤之间移动（键盘焦点留在列表中）</translation>
    </message>
    <message>
        <source>Go into the step&apos;s page</source>
        <translation>进入该步骤的页面</translation>
    </message>
    <message>
        <source>Next / previous step, from the step list</source>
        <translation>在步骤列表中：下一步 / 上一步</translation>
    </message>
    <message>
        <source>Met, then the next item</source>
        <translation>符合，并转到下一条目</translation>
    </message>
    <message>
        <source>Partly met, then the next item</source>
        <translation>部分符合，并转到下一条目</translation>
    </message>
    <message>
        <source>Not met, then the next item</source>
        <translation>不符合，并转到下一条目</translation>
    </message>
    <message>
        <source>Not applicable, then the next item</source>
        <translation>不适用，并转到下一条目</translation>
    </message>
    <message>
        <source>Clear the status</source>
        <translation>清除状态</translation>
    </message>
    <message>
        <source>Write the item&apos;s note (Enter again saves it)</source>
        <translation>填写条目的备注（再按 Enter 保存）</translation>
    </message>
    <message>
        <source>Next / previous clause</source>
        <translation>下一个 / 上一个条款</translation>
    </message>
    <message>
        <source>Back to the checklist</source>
        <translation>回到检查表</translation>
    </message>
    <message>
        <source>Current level / target level of the clause</source>
        <translation>条款的现状等级 / 目标等级</translation>
    </message>
    <message>
        <source>The clause&apos;s history; restore a value</source>
        <translation>条款的修改历史；恢复某个值</translation>
    </message>
    <message>
        <source>Take the clause or area in or out of scope</source>
        <translation>将条款或领域纳入或移出评估范围</translation>
    </message>
    <message>
        <source>Type the clause&apos;s weight (Enter saves)</source>
        <translation>输入条款的权重（Enter 保存）</translation>
    </message>
    <message>
        <source>Open the calendar</source>
        <translation>打开日历</translation>
    </message>
    <message>
        <source>On the whole date: not set</source>
        <translation>选中整个日期时：清为未设置</translation>
    </message>
    <message>
        <source>Add an entry after the selected one</source>
        <translation>在所选条目之后添加条目</translation>
    </message>
    <message>
        <source>Move the entry up / down</source>
        <translation>将条目上移 / 下移</translation>
    </message>
    <message>
        <source>In the list: remove the selected entry</source>
        <translation>在列表中：删除所选条目</translation>
    </message>
    <message>
        <source>History of the selected entry; restore a value</source>
        <translation>所选条目的修改历史；恢复某个值</translation>
    </message>
    <message>
        <source>Undo the typing in the field first, then the last change</source>
        <translation>先撤销字段中的输入，再撤销上一次修改</translation>
    </message>
</context>
<context>
    <name>StarterDialog</name>
    <message>
        <source>Starter KPIs</source>
        <translation>参考指标库</translation>
    </message>
    <message>
        <source>Indicators by the categories of the guide (6.2.3 a). Tick the ones to add; definitions, units, calculation and data sources are filled in, in the engagement&apos;s language. KPIs already in the plan are marked and cannot be added twice.</source>
        <translation>按指南类别（6.2.3 a）列出的指标。勾选要添加的指标；定义、单位、计算方法和数据来源将以项目交付语言自动填写。已添加的指标会被标出，不能重复添加。</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>already added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Add the ticked KPIs</source>
        <translation>添加勾选的指标</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The database cannot be used: %1</source>
        <translation>无法使用该数据库：%1</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: no database can be opened or created there.</source>
        <translation>文件夹 %1 不存在，无法在那里打开或创建数据库。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: it is damaged or not a dtbench database.</source>
        <translation>无法打开数据库 %1：文件已损坏或不是 dtbench 数据库。</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of dtbench. Update dtbench to open it; the file was left untouched.</source>
        <translation>数据库 %1 由更新版本的 dtbench 写入。请升级 dtbench 后再打开；该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program. Close it and try again.</source>
        <translation>数据库 %1 被其他程序锁定。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>Updating the database %1 failed; it was left as it was, at its previous version.</source>
        <translation>数据库 %1 升级失败；它保持原样，仍为升级前的版本。</translation>
    </message>
    <message>
        <source>There is no database at %1; nothing was created. Use “dtbench demo --db %1” or the app to create one.</source>
        <translation>%1 处没有数据库，未创建任何文件。可用“dtbench demo --db %1”或在应用中创建一个。</translation>
    </message>
    <message>
        <source>The database %1 is read-only (a read-only file, folder or medium), so nothing can be saved in it. Copy it to a writable folder to work on it; nothing was changed.</source>
        <translation>数据库 %1 是只读的（只读文件、文件夹或介质），无法在其中保存任何内容。请将其复制到可写的文件夹后再使用；未做任何更改。</translation>
    </message>
    <message>
        <source>The database %1 was made by an older dtbench and must be updated, but it is read-only (a read-only file, folder or medium). Copy it to a writable folder and open the copy; nothing was changed.</source>
        <translation>数据库 %1 由旧版 dtbench 创建，需要升级，但它是只读的（只读文件、文件夹或介质）。请将其复制到可写的文件夹并打开副本；未做任何更改。</translation>
    </message>
    <message>
        <source>The disk is full, so %1 could not be written and the change was not saved (what was saved before is intact). Free some space and try again.</source>
        <translation>磁盘已满，无法写入 %1，此次更改未保存（之前保存的内容完好）。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The disk holding %1 reported an error (%2) and the change was not saved. Check the disk or the connection to it and try again.</source>
        <translation>存放 %1 的磁盘报告错误（%2），此次更改未保存。请检查磁盘或其连接后重试。</translation>
    </message>
    <message>
        <source>The database holds a value that cannot be read: “%2” in %1 is %3. Run “dtbench check” for the list of such values; restore a backup or correct the value.</source>
        <translation>数据库中有无法读取的值：%1 中的“%2”%3。运行“dtbench check”可列出所有此类值；请恢复备份或更正该值。</translation>
    </message>
    <message>
        <source>The engagement %4 cannot be read: the value “%2” in %1 is %3. Run “dtbench check” for the list of such values; restore a backup or correct the value.</source>
        <translation>无法读取项目 %4：%1 中的值“%2”%3。运行“dtbench check”可列出所有此类值；请恢复备份或更正该值。</translation>
    </message>
    <message>
        <source>dtbench cannot reach a team server (%1): its PostgreSQL driver is not installed. Install it with: pip install &quot;dtbench[team]&quot;.</source>
        <translation>dtbench 无法连接团队服务器（%1）：未安装 PostgreSQL 驱动。请用以下命令安装：pip install &quot;dtbench[team]&quot;。</translation>
    </message>
    <message>
        <source>The team server %1 refused the login %2: the login or password is wrong.</source>
        <translation>团队服务器 %1 拒绝了登录名 %2：登录名或密码错误。</translation>
    </message>
    <message>
        <source>The team server %1 cannot be reached (%2). Check the server&apos;s name and port and your network connection.</source>
        <translation>无法连接团队服务器 %1（%2）。请检查服务器名称、端口和网络连接。</translation>
    </message>
    <message>
        <source>The team server has no database %1. Check its name with your administrator.</source>
        <translation>团队服务器上没有数据库 %1。请向管理员核实数据库名称。</translation>
    </message>
    <message>
        <source>The database %1 is not ready for this dtbench (it is not a dtbench database yet, or its layout is older). Ask your administrator to run “dtbench team init” on it; nothing was changed.</source>
        <translation>数据库 %1 尚不适用于此版本的 dtbench（它还不是 dtbench 数据库，或其结构较旧）。请管理员对其运行“dtbench team init”；未做任何改动。</translation>
    </message>
    <message>
        <source>The team server&apos;s database %1 was set up by a newer dtbench. Update dtbench (ask your administrator which version); nothing was changed.</source>
        <translation>团队服务器的数据库 %1 由较新版本的 dtbench 建立。请更新 dtbench（向管理员询问所需版本）；未做任何改动。</translation>
    </message>
    <message>
        <source>The team server refused this change: you can read this engagement but not change it (reader), or you are not its member, or only its lead may do this. Ask the engagement&apos;s lead; nothing was changed.</source>
        <translation>团队服务器拒绝了此修改：您对该项目只有查看权限（只读者），或者您不是其成员，或者此操作只有项目负责人才能执行。请联系项目负责人；未做任何改动。</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2), so this could not be read or saved. Close dtbench and put back the newest good backup: File › Backups, or “dtbench restore”. The damaged file is kept aside, not deleted.</source>
        <translation>数据库 %1 已损坏（%2），因此无法读取或保存。请关闭 dtbench 并恢复最近一个完好的备份：“文件 › 备份”，或运行“dtbench restore”。损坏的文件会被另存一旁，不会被删除。</translation>
    </message>
    <message>
        <source>The backup could not be made: %1</source>
        <translation>无法完成备份：%1</translation>
    </message>
    <message>
        <source>There is no database file at %1 to back up.</source>
        <translation>%1 处没有可备份的数据库文件。</translation>
    </message>
    <message>
        <source>The database %1 cannot be backed up because it is damaged. Restore a backup from the Backups dialog (or with “dtbench restore FILE”).</source>
        <translation>数据库 %1 已损坏，无法备份。请在“备份”对话框中恢复一个备份（或使用“dtbench restore FILE”）。</translation>
    </message>
    <message>
        <source>There is not enough free disk space to write %1. Free some space and try again; nothing was changed.</source>
        <translation>磁盘空间不足，无法写入 %1。请释放一些空间后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2); nothing was changed.</source>
        <translation>无法写入 %1（%2）；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>备份 %1 不存在。</translation>
    </message>
    <message>
        <source>The backup %1 is damaged and cannot be restored; the current database was left as it was. Choose another backup.</source>
        <translation>备份 %1 已损坏，无法恢复；当前数据库保持原样。请选择其他备份。</translation>
    </message>
    <message>
        <source>%1 is not a dtbench database, so it cannot be restored; the current database was left as it was.</source>
        <translation>%1 不是 dtbench 数据库，无法恢复；当前数据库保持原样。</translation>
    </message>
    <message>
        <source>The backup %1 was made by a newer version of dtbench. Update dtbench to restore it; the current database was left as it was.</source>
        <translation>备份 %1 由较新版本的 dtbench 创建。请升级 dtbench 后再恢复；当前数据库保持原样。</translation>
    </message>
    <message>
        <source>The database %1 is in use by another program or another dtbench window, so the backup cannot be put in place. Close it and try again; nothing was changed.</source>
        <translation>数据库 %1 正被其他程序或另一个 dtbench 窗口使用，无法放回备份。请关闭后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>%1 is the database itself; choose a backup file to restore.</source>
        <translation>%1 就是数据库本身；请选择要恢复的备份文件。</translation>
    </message>
    <message>
        <source>There is no database file at %1.</source>
        <translation>%1 处没有数据库文件。</translation>
    </message>
    <message>
        <source>The database %1 is damaged: %2</source>
        <translation>数据库 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>The database %1 is readable but its records are inconsistent: %2</source>
        <translation>数据库 %1 可以读取，但其中的记录不一致：%2</translation>
    </message>
    <message>
        <source>not a date and time</source>
        <translation>不是日期时间</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>not yes or no</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>not a file&apos;s bytes</source>
        <translation>不是文件内容</translation>
    </message>
    <message>
        <source>not one of the values this column may hold</source>
        <translation>不是该列允许的取值</translation>
    </message>
    <message>
        <source>outside the range this column may hold</source>
        <translation>超出该列允许的范围</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>not a JSON list of texts</source>
        <translation>不是由文本组成的 JSON 列表</translation>
    </message>
</context>
<context>
    <name>StrategyPage</name>
    <message>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Examples from the guide (6.1.2 c): %1</source>
        <translation>指南示例（6.1.2 c）：%1</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>愿景</translation>
    </message>
    <message>
        <source>Basic principles</source>
        <translation>基本原则</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>实施准则</translation>
    </message>
    <message>
        <source>Vision and &amp;choices</source>
        <translation>愿景与战略选择(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Principles and criteria</source>
        <translation>原则与准则(&amp;P)</translation>
    </message>
    <message>
        <source>Vision (6.1.2):</source>
        <translation>愿景（6.1.2）：</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Basic principles the client adopts (5.2):</source>
        <translation>客户采纳的基本原则（5.2）：</translation>
    </message>
    <message>
        <source>Implementation criteria the client adopts (5.3):</source>
        <translation>客户采纳的实施准则（5.3）：</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Principle or criterion</source>
        <translation>原则或准则</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggested initiatives</source>
        <translation>建议的举措</translation>
    </message>
    <message>
        <source>One initiative per prioritised gap, prefilled from the clause&apos;s open guide items and ordered from easy to hard (value for effort first). Untick the ones to discard; edit titles here and everything else after accepting.</source>
        <translation>每个优先差距对应一项举措，内容取自该条款尚未满足的指南条目，并按“从易到难”排序（投入产出比高的在前）。取消勾选即放弃；标题可在此修改，其余内容可在采纳后编辑。</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入难度</translation>
    </message>
    <message>
        <source>Accept the ticked ones</source>
        <translation>采纳勾选的举措</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>全部取消勾选</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>联系人 %1</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>评估轮次 %1</translation>
    </message>
    <message>
        <source>Scope of clause %1</source>
        <translation>条款 %1 的范围</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>Clause %1</source>
        <translation>条款 %1</translation>
    </message>
    <message>
        <source>Interview note on %1</source>
        <translation>%1 的访谈记录</translation>
    </message>
    <message>
        <source>Evidence %1</source>
        <translation>证据 %1</translation>
    </message>
    <message>
        <source>Plan record %1</source>
        <translation>规划记录 %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>规划：%1</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>成员 %1</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>诊断发现</translation>
    </message>
    <message>
        <source>interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>current level</source>
        <translation>现状等级</translation>
    </message>
    <message>
        <source>target level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>in scope</source>
        <translation>纳入范围</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>staff size</source>
        <translation>人员规模</translation>
    </message>
    <message>
        <source>revenue size</source>
        <translation>营收规模</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>main products</source>
        <translation>主要产品</translation>
    </message>
    <message>
        <source>existing systems</source>
        <translation>现有系统</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>consultants</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>benchmark participation</source>
        <translation>参与行业对标</translation>
    </message>
    <message>
        <source>number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>analysis method</source>
        <translation>分析方法</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>audience</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线值</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>calculation</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>clauses</source>
        <translation>相关条款</translation>
    </message>
    <message>
        <source>consulting support</source>
        <translation>咨询支持</translation>
    </message>
    <message>
        <source>consulting task</source>
        <translation>咨询任务</translation>
    </message>
    <message>
        <source>contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>decision requested</source>
        <translation>需决策</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>deliverables</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>better when</source>
        <translation>越…越好</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>业务领域</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>effort</source>
        <translation>投入难度</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>entry criteria</source>
        <translation>准入条件</translation>
    </message>
    <message>
        <source>exit criteria</source>
        <translation>准出条件</translation>
    </message>
    <message>
        <source>what flows</source>
        <translation>传递的数据</translation>
    </message>
    <message>
        <source>frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>from year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>initiative</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>key initiative</source>
        <translation>重点举措</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>绩效指标</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>平台层级</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>mitigation</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>observations</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>发生可能性</translation>
    </message>
    <message>
        <source>response</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>responsibilities</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>starter</source>
        <translation>来源模板</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>expected value</source>
        <translation>预期价值</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>yearly value</source>
        <translation>年度价值</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(kept, with changes)</source>
        <translation>（保留，且有改动）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>只读者</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <source>Synchronising failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>%1 is not a firm&apos;s server: engagements are taken offline from PostgreSQL.</source>
        <translation>%1 不是公司服务器：只能从 PostgreSQL 服务器离线带走咨询项目。</translation>
    </message>
    <message>
        <source>The engagement “%1” is already in the local database: synchronise it instead of taking it offline again.</source>
        <translation>咨询项目“%1”已在本机数据库中：请同步它，而不要再次离线带走。</translation>
    </message>
    <message>
        <source>The engagement %1 is not on the server, or you are not one of its members.</source>
        <translation>咨询项目 %1 不在服务器上，或者您不是它的成员。</translation>
    </message>
    <message>
        <source>The engagement %1 is not an offline copy of a server&apos;s engagement: take it offline first.</source>
        <translation>咨询项目 %1 不是服务器项目的离线副本：请先将其离线带走。</translation>
    </message>
    <message>
        <source>The connection to the server was lost: nothing was changed on the server; synchronise again when connected.</source>
        <translation>与服务器的连接已断开：服务器上没有任何改动；请在连接恢复后再次同步。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached or refused the login: nothing was changed. Try again when connected.</source>
        <translation>无法连接服务器 %1，或服务器拒绝了登录：没有任何改动。请在连接恢复后重试。</translation>
    </message>
    <message>
        <source>The connection to the server was lost while it saved the changes. Synchronise again when connected: the synchronisation is then finished, nothing is lost.</source>
        <translation>服务器保存改动时连接断开。请在连接恢复后再次同步：届时会完成这次同步，不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Someone changed the engagement on the server while you synchronised: nothing was changed. Synchronise again to see their changes.</source>
        <translation>同步期间有人在服务器上改动了该咨询项目：没有任何改动。请再次同步以查看他们的改动。</translation>
    </message>
    <message>
        <source>%1 conflicts are not decided: nothing was written.</source>
        <translation>有 %1 个冲突尚未决定：没有写入任何内容。</translation>
    </message>
    <message>
        <source>A decision cannot be applied: nothing was written.</source>
        <translation>有一项决定无法应用：没有写入任何内容。</translation>
    </message>
    <message>
        <source>A decision names %1, which is not a conflict of this synchronisation: nothing was written. Synchronise again.</source>
        <translation>有一项决定针对 %1，但它不是本次同步的冲突：没有写入任何内容。请重新同步。</translation>
    </message>
    <message>
        <source>The decision on %1 is %2, not one of mine, theirs or merge: nothing was written.</source>
        <translation>对 %1 的决定是 %2，而不是“保留我的”“采用服务器的”或“合并”之一：没有写入任何内容。</translation>
    </message>
    <message>
        <source>%1 is not free text and cannot be merged: keep yours or the server&apos;s. Nothing was written.</source>
        <translation>%1 不是自由文本，不能合并：请保留您的或服务器上的值。没有写入任何内容。</translation>
    </message>
    <message>
        <source>The merged value of %1 is not a text: nothing was written.</source>
        <translation>%1 的合并值不是文本：没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamError</name>
    <message>
        <source>There is no login %1 on this server: the administrator adds it first (dtbench team add-consultant).</source>
        <translation>此服务器上没有登录名 %1：请管理员先添加（dtbench team add-consultant）。</translation>
    </message>
    <message>
        <source>The team server refused this: %1</source>
        <translation>团队服务器拒绝了此操作：%1</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL server: team commands need --db postgresql+psycopg://LOGIN@HOST/DATABASE.</source>
        <translation>%1 不是 PostgreSQL 服务器：团队命令需要 --db postgresql+psycopg://登录名@主机/数据库。</translation>
    </message>
    <message>
        <source>“%1” cannot be a login: use letters, digits and _ only, starting with a letter (at most 63).</source>
        <translation>“%1”不能作为登录名：只能使用字母、数字和 _，以字母开头（最多 63 个字符）。</translation>
    </message>
    <message>
        <source>“%1” is not a role of an engagement: use lead, member or reader.</source>
        <translation>“%1”不是项目角色：请使用 lead、member 或 reader。</translation>
    </message>
    <message>
        <source>The database %1 is not set up as a team server yet: run “dtbench team init” first.</source>
        <translation>数据库 %1 尚未设置为团队服务器：请先运行“dtbench team init”。</translation>
    </message>
    <message>
        <source>No engagement %1 that you can see on this server (a member sees it).</source>
        <translation>在此服务器上没有您可见的项目 %1（只有成员可见）。</translation>
    </message>
    <message>
        <source>%1 is not a member of this engagement.</source>
        <translation>%1 不是该项目的成员。</translation>
    </message>
    <message>
        <source>The login %1 may not set up this server: log in as the database&apos;s owner (a role that may create roles).</source>
        <translation>登录名 %1 无权设置此服务器：请以数据库所有者（可创建角色的角色）登录。</translation>
    </message>
    <message>
        <source>%1 is the engagement&apos;s only lead: make someone else lead first, so that someone can still manage its members.</source>
        <translation>%1 是该项目唯一的负责人：请先指定另一位负责人，以便仍有人管理成员。</translation>
    </message>
</context>
<context>
    <name>TemplateError</name>
    <message>
        <source>The template cannot be used: %1</source>
        <translation>该模板无法使用：%1</translation>
    </message>
    <message>
        <source>The template file %1 cannot be read: %2</source>
        <translation>无法读取模板文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a usable dtbench template (%2). Export the template from dtbench again, or choose another file.</source>
        <translation>%1 不是可用的 dtbench 项目模板（%2）。请从 dtbench 重新导出该模板，或选择其他文件。</translation>
    </message>
    <message>
        <source>The template %1 was made by a newer version of dtbench. Update dtbench to use it.</source>
        <translation>模板 %1 由更新版本的 dtbench 创建。请升级 dtbench 后再使用。</translation>
    </message>
    <message>
        <source>The firm&apos;s template library on %1 cannot be read now; the templates on this computer are listed.</source>
        <translation>暂时无法读取 %1 上的公司模板库；下面列出的是本机的模板。</translation>
    </message>
    <message>
        <source>There is no template called “%1”.</source>
        <translation>没有名为“%1”的模板。</translation>
    </message>
    <message>
        <source>There is no template called “%1” in the firm&apos;s library (see dtbench template list).</source>
        <translation>公司模板库中没有名为“%1”的模板（见 dtbench template list）。</translation>
    </message>
    <message>
        <source>The firm&apos;s template “%1” was saved by %2: only %2 or the server&apos;s administrator may replace, rename or delete it. Nothing was changed.</source>
        <translation>公司模板“%1”由 %2 保存：只有 %2 或服务器管理员可以替换、重命名或删除它。未做任何更改。</translation>
    </message>
    <message>
        <source>A template called “%1” already exists. Choose another name, or replace it.</source>
        <translation>已有名为“%1”的模板。请换一个名称，或替换原模板。</translation>
    </message>
    <message>
        <source>“%1” is a built-in template: it cannot be renamed or deleted. Save an engagement made from it as a template of your own instead.</source>
        <translation>“%1”是内置模板，不能重命名或删除。可以用它新建咨询项目，再把该项目另存为自己的模板。</translation>
    </message>
    <message>
        <source>“%1” is the name of a built-in template. Choose another name.</source>
        <translation>“%1”是内置模板的名称。请换一个名称。</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>模板需要一个名称。</translation>
    </message>
    <message>
        <source>The template could not be written to %1: %2</source>
        <translation>无法将模板写入 %1：%2</translation>
    </message>
    <message>
        <source>Choose at least one part of the engagement to keep in the template.</source>
        <translation>请至少选择一项要保存到模板中的内容。</translation>
    </message>
    <message>
        <source>Unknown template part “%1”; the parts are: %2.</source>
        <translation>未知的模板内容“%1”；可选内容为：%2。</translation>
    </message>
    <message>
        <source>A new engagement needs the client&apos;s name.</source>
        <translation>新建咨询项目需要填写客户名称。</translation>
    </message>
</context>
<context>
    <name>TemplateLibraryDialog</name>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>These template files cannot be used:</source>
        <translation>以下模板文件无法使用：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>包含内容：</translation>
    </message>
    <message>
        <source>Scope: %1 clause(s) out of scope, %2 weighted</source>
        <translation>评估范围：%1 个条款不在范围内，%2 个条款设置了权重</translation>
    </message>
    <message>
        <source>Target levels for %1 clause(s)</source>
        <translation>%1 个条款的目标等级</translation>
    </message>
    <message>
        <source>Out of scope:</source>
        <translation>不在评估范围内：</translation>
    </message>
    <message>
        <source>Weighted clauses:</source>
        <translation>设置了权重的条款：</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>重命名模板</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template “%1” for good? This cannot be undone.</source>
        <translation>要永久删除模板“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete the firm&apos;s template “%1” for everyone? This cannot be undone.</source>
        <translation>为所有人删除公司模板“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Import a template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>dtbench templates (*.dtbt *.json);;All files (*)</source>
        <translation>dtbench 项目模板 (*.dtbt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the template in the library?</source>
        <translation>要替换模板库中的同名模板吗？</translation>
    </message>
    <message>
        <source>Export a template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <source>dtbench templates (*.dtbt)</source>
        <translation>dtbench 项目模板 (*.dtbt)</translation>
    </message>
    <message>
        <source>Template library</source>
        <translation>模板库</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>&amp;New engagement…</source>
        <translation>新建咨询项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>The firm&apos;s</source>
        <translation>公司</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Scope and weights</source>
        <translation>评估范围与权重</translation>
    </message>
    <message>
        <source>Target levels</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>Roadmap phases</source>
        <translation>路线图阶段</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>绩效指标</translation>
    </message>
    <message>
        <source>Strategy (vision and choices)</source>
        <translation>战略（愿景与战略选择）</translation>
    </message>
    <message>
        <source>Governance roles and positions (without names)</source>
        <translation>治理组织的角色与职务（不含姓名）</translation>
    </message>
    <message>
        <source>Awareness actions</source>
        <translation>认识提升行动</translation>
    </message>
    <message>
        <source>Change steps</source>
        <translation>组织构建步骤</translation>
    </message>
    <message>
        <source>Resistance register</source>
        <translation>阻力登记</translation>
    </message>
    <message>
        <source>Organization design (targets)</source>
        <translation>组织设计（目标）</translation>
    </message>
    <message>
        <source>Culture targets and trait targets</source>
        <translation>数字文化塑造目标与关键内容目标分</translation>
    </message>
    <message>
        <source>Engagement notes</source>
        <translation>项目备注</translation>
    </message>
    <message>
        <source>Open or select an engagement to save as a template.</source>
        <translation>请先打开或选中一个咨询项目，再另存为模板。</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <source>Creating the engagement…</source>
        <translation>正在创建项目…</translation>
    </message>
    <message>
        <source>Engagement created from the template.</source>
        <translation>已从模板创建咨询项目。</translation>
    </message>
    <message>
        <source>There are no templates to start from.</source>
        <translation>没有可用的模板。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n engagement(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>永久删除回收站中的 %n 个咨询项目？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>UnsavedDrafts</name>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 处</translation>
    </message>
    <message>
        <source>Text you typed in one place is not saved, because a colleague changed the same field meanwhile:</source>
        <translation>您在 1 处输入的文字尚未保存，因为同事在此期间修改了相同的内容：</translation>
    </message>
    <message>
        <source>Text you typed in %1 places is not saved, because a colleague changed the same fields meanwhile:</source>
        <translation>您在 %1 处输入的文字尚未保存，因为同事在此期间修改了相同的内容：</translation>
    </message>
    <message>
        <source>Typing not saved</source>
        <translation>输入的文字未保存</translation>
    </message>
    <message>
        <source>&amp;Show them</source>
        <translation>查看这些文字(&amp;S)</translation>
    </message>
    <message>
        <source>Texts typed in dtbench and not saved, because a colleague changed the same fields meanwhile (the application was ended without asking):</source>
        <translation>在 dtbench 中输入但未保存的文字（同事在此期间修改了相同的内容；程序被结束，未能询问您）：</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Also on this step now: %1</source>
        <translation>此步骤现在还有：%1</translation>
    </message>
    <message>
        <source>a record removed meanwhile</source>
        <translation>期间已被删除的记录</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>评估范围</translation>
    </message>
    <message>
        <source>Fieldwork</source>
        <translation>调研工作</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>现状诊断</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>诊断看板</translation>
    </message>
    <message>
        <source>Key findings</source>
        <translation>核心发现</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>目标蓝图</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>路线图</translation>
    </message>
    <message>
        <source>Investment and benefits</source>
        <translation>投资与效益</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>绩效指标</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Leadership</source>
        <translation>领导作用</translation>
    </message>
    <message>
        <source>Organization and culture</source>
        <translation>组织与文化</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
</context>
<context>
    <name>_LinesEditor</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>database file or SQLAlchemy URL (default: $DTBENCH_DB or the user data folder)</source>
        <translation>数据库文件或 SQLAlchemy URL（默认：$DTBENCH_DB 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>Digital-transformation consulting workbench (DB2102/T).</source>
        <translation>数字化转型咨询工作台（DB2102/T）。</translation>
    </message>
    <message>
        <source>list engagements</source>
        <translation>列出咨询项目</translation>
    </message>
    <message>
        <source>give the date as YYYY-MM-DD</source>
        <translation>日期格式应为 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>save, list, import and export engagement templates</source>
        <translation>保存、列出、导入和导出项目模板</translation>
    </message>
    <message>
        <source>save an engagement as a template, without the client</source>
        <translation>将咨询项目另存为模板（不含客户信息）</translation>
    </message>
    <message>
        <source>name of the template</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>comma-separated parts to keep: %1, or all, plan, org_culture (default: all but strategy and notes)</source>
        <translation>要保存的内容，以逗号分隔：%1，或 all、plan、org_culture（默认：除 strategy 和 notes 外的全部内容）</translation>
    </message>
    <message>
        <source>what the template is for</source>
        <translation>模板的适用说明</translation>
    </message>
    <message>
        <source>replace a template of the same name</source>
        <translation>替换同名模板</translation>
    </message>
    <message>
        <source>list the built-in and saved templates</source>
        <translation>列出内置模板和已保存的模板</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>add a template file (.dtbt) to the library</source>
        <translation>将模板文件（.dtbt）添加到模板库</translation>
    </message>
    <message>
        <source>the template file</source>
        <translation>模板文件</translation>
    </message>
    <message>
        <source>write a template to a file to hand on</source>
        <translation>将模板导出为文件，以便分享</translation>
    </message>
    <message>
        <source>template name or key (see template list)</source>
        <translation>模板名称或标识（见 template list）</translation>
    </message>
    <message>
        <source>the .dtbt file to write</source>
        <translation>要写入的 .dtbt 文件</translation>
    </message>
    <message>
        <source>delete a saved template</source>
        <translation>删除已保存的模板</translation>
    </message>
    <message>
        <source>delete it from the firm&apos;s library in the database, for everyone (only the consultant who saved it or the administrator may)</source>
        <translation>从数据库中的公司模板库删除它，对所有人生效（只有保存它的咨询师或管理员可以）</translation>
    </message>
    <message>
        <source>create an engagement (from a template if given) and print its id</source>
        <translation>新建咨询项目（指定模板时从模板创建）并输出其编号</translation>
    </message>
    <message>
        <source>template name, key or .dtbt file</source>
        <translation>模板名称、标识或 .dtbt 文件</translation>
    </message>
    <message>
        <source>the client&apos;s name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>title of the engagement</source>
        <translation>咨询项目名称</translation>
    </message>
    <message>
        <source>language of the deliverables (default: the system&apos;s)</source>
        <translation>交付文档语言（默认：系统语言）</translation>
    </message>
    <message>
        <source>start of the template&apos;s plan (default: the first day of next month)</source>
        <translation>模板中实施规划的开始日期（默认：下个月的第一天）</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>No templates.</source>
        <translation>没有模板。</translation>
    </message>
    <message>
        <source>list the trash instead</source>
        <translation>改为列出回收站</translation>
    </message>
    <message>
        <source>print the guide&apos;s framework</source>
        <translation>输出指南框架</translation>
    </message>
    <message>
        <source>print the whole framework as JSON (both languages)</source>
        <translation>以 JSON 输出完整框架（中英文）</translation>
    </message>
    <message>
        <source>language of the outline</source>
        <translation>大纲的语言</translation>
    </message>
    <message>
        <source>create the sample engagement and print its id</source>
        <translation>创建示例咨询项目并输出其编号</translation>
    </message>
    <message>
        <source>language of the sample&apos;s texts (default: zh)</source>
        <translation>示例内容的语言（默认：zh）</translation>
    </message>
    <message>
        <source>print an engagement&apos;s scores and top gaps</source>
        <translation>输出咨询项目的得分和最大差距</translation>
    </message>
    <message>
        <source>export a client self-assessment workbook, or import a filled one</source>
        <translation>导出客户自评问卷工作簿，或导入已填写的问卷</translation>
    </message>
    <message>
        <source>engagement id (or the start of it)</source>
        <translation>咨询项目编号（或其开头部分）</translation>
    </message>
    <message>
        <source>write the questionnaire (.xlsx) of the in-scope clauses of the latest round</source>
        <translation>为最近一轮评估中纳入范围的条款生成问卷（.xlsx）</translation>
    </message>
    <message>
        <source>the workbook to write</source>
        <translation>要生成的工作簿</translation>
    </message>
    <message>
        <source>language of the workbook (default: the engagement&apos;s language)</source>
        <translation>工作簿的语言（默认：项目的语言）</translation>
    </message>
    <message>
        <source>leave the answers empty instead of filling in the recorded ones</source>
        <translation>答案留空，不预先填入已记录的答案</translation>
    </message>
    <message>
        <source>show what a filled questionnaire would change, and apply it with --apply</source>
        <translation>显示已填写问卷将带来的改动；加 --apply 则应用这些改动</translation>
    </message>
    <message>
        <source>the filled-in workbook</source>
        <translation>已填写的工作簿</translation>
    </message>
    <message>
        <source>apply every change (without it nothing is changed)</source>
        <translation>应用全部改动（不加此选项则不做任何改动）</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The questionnaire changes nothing in round %1.</source>
        <translation>该问卷不会改动评估轮次 %1 中的任何内容。</translation>
    </message>
    <message>
        <source>Applied %1 change(s) to round %2.</source>
        <translation>已对评估轮次 %2 应用 %1 项改动。</translation>
    </message>
    <message>
        <source>%1 change(s) to round %2 proposed; nothing was changed. Run again with --apply to apply them.</source>
        <translation>问卷建议对评估轮次 %2 做 %1 项改动；尚未做任何改动。加上 --apply 再次运行即可应用。</translation>
    </message>
    <message>
        <source>assessment round number (default: the latest)</source>
        <translation>评估轮次编号（默认：最新一轮）</translation>
    </message>
    <message>
        <source>how many gaps to list (default 10)</source>
        <translation>列出的差距数量（默认 10）</translation>
    </message>
    <message>
        <source>language of the output</source>
        <translation>输出语言</translation>
    </message>
    <message>
        <source>write the Word proposal and/or the Excel action plan</source>
        <translation>生成 Word 建议书和/或 Excel 行动计划</translation>
    </message>
    <message>
        <source>the Word proposal to write</source>
        <translation>要生成的 Word 建议书</translation>
    </message>
    <message>
        <source>the proposal as PDF too (needs LibreOffice)</source>
        <translation>同时输出建议书的 PDF（需要 LibreOffice）</translation>
    </message>
    <message>
        <source>the Excel action plan to write</source>
        <translation>要生成的 Excel 行动计划</translation>
    </message>
    <message>
        <source>language of the documents (default: the engagement&apos;s language)</source>
        <translation>文档语言（默认：咨询项目的交付语言）</translation>
    </message>
    <message>
        <source>a firm&apos;s .docx whose styles and page set-up are used</source>
        <translation>采用其样式和页面设置的公司 .docx 模板</translation>
    </message>
    <message>
        <source>only check what would go out wrong (text in the other language, missing findings, owners or dates, figures that disagree…): one line each, exit code 1 when one is an error; writes no file, even with --docx, --pdf or --xlsx</source>
        <translation>只检查导出后会出错的内容（另一种语言的文字，缺少的发现、负责人或日期，不一致的数字…）：每项一行，有错误时退出码为 1；不写任何文件，即使给出了 --docx、--pdf 或 --xlsx</translation>
    </message>
    <message>
        <source>No engagements.</source>
        <translation>没有咨询项目。</translation>
    </message>
    <message>
        <source>give --docx FILE, --pdf FILE and/or --xlsx FILE</source>
        <translation>请指定 --docx 文件、--pdf 文件和/或 --xlsx 文件</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>Nothing to fix before the export.</source>
        <translation>导出前无需修正。</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2.</source>
        <translation>错误：%1，警告：%2。</translation>
    </message>
    <message>
        <source>Areas (index, level now → target):</source>
        <translation>各领域（指数，现状等级 → 目标等级）：</translation>
    </message>
    <message>
        <source>Top gaps (priority):</source>
        <translation>最大差距（优先级）：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>make a verified backup of the database and print its path</source>
        <translation>为数据库创建经过校验的备份并输出其路径</translation>
    </message>
    <message>
        <source>list the database&apos;s backups instead</source>
        <translation>改为列出该数据库的备份</translation>
    </message>
    <message>
        <source>put a backup in place of the database (the current file is kept aside)</source>
        <translation>用备份替换数据库（当前文件会另存保留）</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>check the database for damage and print OK or the problems found</source>
        <translation>检查数据库是否损坏，输出 OK 或发现的问题</translation>
    </message>
    <message>
        <source>Backups work on database files only, not on %1.</source>
        <translation>备份只适用于数据库文件，不适用于 %1。</translation>
    </message>
    <message>
        <source>No backups in %1.</source>
        <translation>%1 中没有备份。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Restored %1 into %2.</source>
        <translation>已将 %1 恢复到 %2。</translation>
    </message>
    <message>
        <source>There was no previous database to keep.</source>
        <translation>之前没有需要保留的数据库。</translation>
    </message>
    <message>
        <source>The previous database was kept as %1.</source>
        <translation>原来的数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>OK: %1 (revision %2, %3)</source>
        <translation>OK：%1（版本 %2，%3）</translation>
    </message>
    <message>
        <source>Do not use this file. Restore a backup with “dtbench restore FILE” (“dtbench backup --list” shows them).</source>
        <translation>请不要继续使用此文件。请用“dtbench restore FILE”恢复备份（“dtbench backup --list”可列出备份）。</translation>
    </message>
    <message>
        <source>carry an engagement to another computer as one file</source>
        <translation>将一个咨询项目作为单个文件带到另一台电脑</translation>
    </message>
    <message>
        <source>write an engagement with everything in it to an engagement file (.dtbx)</source>
        <translation>将咨询项目及其全部内容写入咨询项目文件（.dtbx）</translation>
    </message>
    <message>
        <source>the engagement file (.dtbx) to write</source>
        <translation>要写入的咨询项目文件（.dtbx）</translation>
    </message>
    <message>
        <source>import an engagement from an engagement file (.dtbx)</source>
        <translation>从咨询项目文件（.dtbx）导入咨询项目</translation>
    </message>
    <message>
        <source>the engagement file (.dtbx) to read</source>
        <translation>要读取的咨询项目文件（.dtbx）</translation>
    </message>
    <message>
        <source>if the engagement is already in the database, replace it with the file&apos;s</source>
        <translation>如果该咨询项目已在数据库中，用文件中的项目替换它</translation>
    </message>
    <message>
        <source>if the engagement is already in the database, import the file&apos;s as a copy with new ids</source>
        <translation>如果该咨询项目已在数据库中，将文件中的项目作为副本（使用新的编号）导入</translation>
    </message>
    <message>
        <source>The engagement “%1” is already in this database: add --replace to replace it, or --keep-both to import it as a copy. Nothing was imported.</source>
        <translation>咨询项目“%1”已在本数据库中：加上 --replace 可替换它，加上 --keep-both 可将其作为副本导入。未导入任何内容。</translation>
    </message>
    <message>
        <source>list the interview plan, or print an interview guide or the schedule</source>
        <translation>列出访谈计划，或打印访谈提纲或访谈日程</translation>
    </message>
    <message>
        <source>write the guide of one interview (.docx)</source>
        <translation>生成一场访谈的访谈提纲（.docx）</translation>
    </message>
    <message>
        <source>which interview of the plan, from 1 (default: 1)</source>
        <translation>访谈计划中的第几场访谈，从 1 开始（默认：1）</translation>
    </message>
    <message>
        <source>write the schedule of the planned interviews (.docx)</source>
        <translation>生成计划中访谈的日程安排（.docx）</translation>
    </message>
    <message>
        <source>show who changed what and when, or restore a value</source>
        <translation>显示谁在何时修改了什么，或恢复某个值</translation>
    </message>
    <message>
        <source>only this clause of the latest round (e.g. 7.3.1)</source>
        <translation>只看最新一轮中的此条款（如 7.3.1）</translation>
    </message>
    <message>
        <source>show at most N changes (default: 50)</source>
        <translation>最多显示 N 条修改（默认：50）</translation>
    </message>
    <message>
        <source>write back the value change CHANGE replaced</source>
        <translation>写回修改 CHANGE 替换掉的值</translation>
    </message>
    <message>
        <source>with --restore: the value the change wrote</source>
        <translation>与 --restore 合用：写回该修改写入的值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>the firm&apos;s server (postgresql+psycopg://login@host/database)</source>
        <translation>公司服务器（postgresql+psycopg://登录名@主机/数据库）</translation>
    </message>
    <message>
        <source>copy engagements from the firm&apos;s server into this computer&apos;s database</source>
        <translation>将咨询项目从公司服务器复制到本机数据库</translation>
    </message>
    <message>
        <source>send and receive the changes of an engagement taken offline</source>
        <translation>发送和接收离线咨询项目的改动</translation>
    </message>
    <message>
        <source>the firm&apos;s server (default: the one it was taken from)</source>
        <translation>公司服务器（默认：项目离线带走时的服务器）</translation>
    </message>
    <message>
        <source>decide every conflict for this computer&apos;s value (mine) or the server&apos;s (theirs); without it conflicts are listed and nothing is written</source>
        <translation>所有冲突都按本机的值（mine）或服务器的值（theirs）决定；不加此选项时只列出冲突，不写入任何内容</translation>
    </message>
    <message>
        <source>%1, %2: yours (%3) “%4” | server&apos;s (%5) “%6”</source>
        <translation>%1，%2：本机（%3）“%4” | 服务器（%5）“%6”</translation>
    </message>
    <message>
        <source>%1 conflicts: nothing was written. Decide them in the app, or run again with --keep mine or --keep theirs.</source>
        <translation>%1 个冲突：没有写入任何内容。请在应用中决定，或加上 --keep mine 或 --keep theirs 再次运行。</translation>
    </message>
    <message>
        <source>Synchronised: %1 records sent, %2 received, %3 conflicts decided.</source>
        <translation>同步完成：发送 %1 条记录，接收 %2 条，决定 %3 个冲突。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>set up a firm&apos;s team server and manage members</source>
        <translation>设置公司的团队服务器并管理项目成员</translation>
    </message>
    <message>
        <source>the consultant&apos;s login (PostgreSQL role)</source>
        <translation>顾问的登录名（PostgreSQL 角色）</translation>
    </message>
    <message>
        <source>read the new login&apos;s password from the first line of stdin</source>
        <translation>从标准输入的第一行读取新登录名的密码</translation>
    </message>
    <message>
        <source>as the database&apos;s owner: create or update the schema, the consultants&apos; role, their privileges and row-level security; make LOGIN the first lead</source>
        <translation>以数据库所有者身份：创建或更新数据库结构、顾问角色、其权限和行级安全策略；将 LOGIN 设为首位负责人</translation>
    </message>
    <message>
        <source>the consultants&apos; group role (default: %(default)s)</source>
        <translation>顾问的组角色（默认：%(default)s）</translation>
    </message>
    <message>
        <source>as the database&apos;s owner: create a consultant&apos;s login (or set its password)</source>
        <translation>以数据库所有者身份：创建顾问的登录名（或设置其密码）</translation>
    </message>
    <message>
        <source>list an engagement&apos;s members and their roles</source>
        <translation>列出项目的成员及其角色</translation>
    </message>
    <message>
        <source>as its lead: add a member to an engagement or change a role</source>
        <translation>以项目负责人身份：添加项目成员或更改角色</translation>
    </message>
    <message>
        <source>lead, member or reader (default: member)</source>
        <translation>lead、member 或 reader（默认：member）</translation>
    </message>
    <message>
        <source>as its lead: take a member out of an engagement</source>
        <translation>以项目负责人身份：将成员移出项目</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再次输入同一密码：</translation>
    </message>
    <message>
        <source>The passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不同；未做任何改动。</translation>
    </message>
    <message>
        <source>No terminal to ask the password on: give it with --password-stdin.</source>
        <translation>没有可输入密码的终端：请用 --password-stdin 提供密码。</translation>
    </message>
    <message>
        <source>The password is empty; nothing was changed.</source>
        <translation>密码为空；未做任何改动。</translation>
    </message>
    <message>
        <source>The team server is ready (schema %1); %2 is its first lead.</source>
        <translation>团队服务器已就绪（数据库结构 %1）；%2 为首位负责人。</translation>
    </message>
    <message>
        <source>Login %1 created; it can connect now.</source>
        <translation>已创建登录名 %1，现在即可连接。</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>已更改 %1 的密码。</translation>
    </message>
    <message>
        <source>save it to the firm&apos;s library in the database (on a firm&apos;s server)</source>
        <translation>保存到数据库中的公司模板库（公司服务器上）</translation>
    </message>
    <message>
        <source>firm library</source>
        <translation>公司模板库</translation>
    </message>
    <message>
        <source>add the firm benchmark chapter (anonymised; only when five or more engagements of the same industry and size band compare)</source>
        <translation>添加行业对标章节（匿名；仅当同行业、同规模档的可比项目达到五个及以上时）</translation>
    </message>
    <message>
        <source>the firm benchmark chapter is left out: %1</source>
        <translation>未添加行业对标章节：%1</translation>
    </message>
    <message>
        <source>the firm benchmark (opted-in engagements, anonymised)</source>
        <translation>公司对标（已同意纳入的项目，匿名）</translation>
    </message>
    <message>
        <source>bring the benchmark entries of the engagements you may see up to date</source>
        <translation>更新您可见项目的对标数据</translation>
    </message>
    <message>
        <source>print an engagement&apos;s standing in the firm benchmark</source>
        <translation>输出项目在公司对标中的位置</translation>
    </message>
    <message>
        <source>%1 benchmark entries up to date.</source>
        <translation>%1 条对标数据已更新。</translation>
    </message>
</context>
</TS>
