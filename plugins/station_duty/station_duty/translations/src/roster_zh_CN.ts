<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The duty roster's texts (station_duty/roster/, and the manifest titles of its panel and action); context = the plugin id. -->
    <context>
        <name>station_duty</name>
        <message>
            <source>The file is larger than 20 MB; import a month at a time.</source>
            <translation>文件超过 20 MB；请按月分批导入。</translation>
        </message>
        <message>
            <source>The file is UTF-16 text (Excel's "Unicode Text"); save it as "CSV UTF-8" or "CSV".</source>
            <translation>文件是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或“CSV”。</translation>
        </message>
        <message>
            <source>{value!r} is not a date; write it as 2025-05-06</source>
            <translation>{value!r} 不是日期；请写成 2025-05-06</translation>
        </message>
        <message>
            <source>The file is empty: it has no header row.</source>
            <translation>文件是空的：没有表头行。</translation>
        </message>
        <message>
            <source>Row {row}, column {column}: {reason}</source>
            <translation>第 {row} 行，“{column}”列：{reason}</translation>
        </message>
        <message>
            <source>The file is neither UTF-8 nor GB18030 text; save it from Excel as "CSV UTF-8".</source>
            <translation>文件既不是 UTF-8 也不是 GB18030 文本；请在 Excel 中另存为“CSV UTF-8”。</translation>
        </message>
        <message>
            <source>{station}, {date}, {shift}: the same shift as row {earlier}; give each station's shift once</source>
            <translation>{station}，{date}，{shift}：与第 {earlier} 行是同一班次；每个派出所的每个班次只能写一次</translation>
        </message>
        <message>
            <source>{value!r} is no station of the city; give its id (S-440106-03), its name (天河区龙口派出所) or its short name (龙口所)</source>
            <translation>{value!r} 不是本市的派出所；请写编号（S-440106-03）、全称（天河区龙口派出所）或简称（龙口所）</translation>
        </message>
        <message>
            <source>{value!r} is not a shift; the shifts are {names}</source>
            <translation>{value!r} 不是班次；班次有：{names}</translation>
        </message>
        <message>
            <source>{value!r} is not one name (at most 20 characters, no separators)</source>
            <translation>{value!r} 不是一个姓名（最多 20 个字，不能含分隔符）</translation>
        </message>
        <message>
            <source>{count} officers; at most {limit} fit a shift</source>
            <translation>{count} 名民警；一个班次最多 {limit} 名</translation>
        </message>
        <message>
            <source>{phones} phone numbers for {count} officers; give one per officer in the same order, or none</source>
            <translation>{count} 名民警却有 {phones} 个电话；请按同样顺序每人一个，或全部留空</translation>
        </message>
        <message>
            <source>{count} units; at most {limit} fit a shift</source>
            <translation>{count} 个警力；一个班次最多 {limit} 个</translation>
        </message>
        <message>
            <source>unknown column; the columns are {columns}</source>
            <translation>未知的列；可用的列有：{columns}</translation>
        </message>
        <message>
            <source>the column is missing; every file needs it</source>
            <translation>缺少此列；每个文件都必须有</translation>
        </message>
        <message>
            <source>unreadable CSV ({error}); the rows after it were not read</source>
            <translation>无法读取的 CSV（{error}）；其后的行未读取</translation>
        </message>
        <message>
            <source>The file has a header but no rows.</source>
            <translation>文件只有表头，没有数据行。</translation>
        </message>
        <message>
            <source>Row {row}: {reason}</source>
            <translation>第 {row} 行：{reason}</translation>
        </message>
        <message>
            <source>is empty; every row needs it</source>
            <translation>为空；每一行都必须填写</translation>
        </message>
        <message>
            <source>cannot be recorded: {error}</source>
            <translation>无法记录：{error}</translation>
        </message>
        <message>
            <source>{value!r} is a number Excel wrote in scientific notation; format the column as text and type the numbers again</source>
            <translation>{value!r} 是 Excel 写成科学计数法的号码；请把该列设为文本格式，重新输入号码</translation>
        </message>
        <message>
            <source>{value!r} is not a phone number; give a mobile (13812345678) or a landline with its area code (020-83112110)</source>
            <translation>{value!r} 不是电话号码；请写手机号（13812345678）或带区号的座机（020-83112110）</translation>
        </message>
        <message>
            <source>is the {name} column again, after {earlier!r}</source>
            <translation>又是 {name} 列（前面已有 {earlier!r}）</translation>
        </message>
        <message>
            <source>a cell runs over more than one line (a missing closing quote?); the rows from here on may be numbered wrongly</source>
            <translation>有单元格跨了多行（缺少右引号？）；此后的行号可能不准</translation>
        </message>
        <message>
            <source>has {count} cells, the header has {header}</source>
            <translation>有 {count} 个单元格，表头有 {header} 个</translation>
        </message>
        <message>
            <source>{value!r} is a unit of {owner}, not of this station</source>
            <translation>{value!r} 是{owner}的警力，不属于本所</translation>
        </message>
        <message>
            <source>Duty leader</source>
            <translation>值班领导</translation>
        </message>
        <message>
            <source>Leader's phone</source>
            <translation>领导电话</translation>
        </message>
        <message>
            <source>Duty officers</source>
            <translation>值班民警</translation>
        </message>
        <message>
            <source>Officers' phones</source>
            <translation>民警电话</translation>
        </message>
        <message>
            <source>Units on shift</source>
            <translation>在岗警力</translation>
        </message>
        <message>
            <source>Duty phone</source>
            <translation>值班电话</translation>
        </message>
        <message>
            <source>Names separated by ；</source>
            <translation>姓名之间用“；”分隔</translation>
        </message>
        <message>
            <source>One per officer, in the same order</source>
            <translation>每名民警一个，顺序相同</translation>
        </message>
        <message>
            <source>Also on later days</source>
            <translation>以后各天同样执行</translation>
        </message>
        <message>
            <source>Also for this shift on later days, until another roster is recorded</source>
            <translation>以后各天的此班次也照此执行，直到另行录入</translation>
        </message>
        <message>
            <source>On duty now at {station}: {shift}</source>
            <translation>{station}当前值班：{shift}</translation>
        </message>
        <message>
            <source>Duty leader: {leader}</source>
            <translation>值班领导：{leader}</translation>
        </message>
        <message>
            <source>Duty phone: {phone}</source>
            <translation>值班电话：{phone}</translation>
        </message>
        <message>
            <source>Units on shift: {total}, free now: {free}</source>
            <translation>在岗警力：{total}，当前空闲：{free}</translation>
        </message>
        <message>
            <source>Duty officers: {names}</source>
            <translation>值班民警：{names}</translation>
        </message>
        <message>
            <source>No duty leader's number is known for the station of {incident}.</source>
            <translation>不知道警情 {incident} 所属派出所值班领导的电话。</translation>
        </message>
        <message>
            <source>The duty leader's number {number} is on the clipboard.</source>
            <translation>值班领导电话 {number} 已复制到剪贴板。</translation>
        </message>
        <message>
            <source>Dialling the duty leader: {number} (also on the clipboard).</source>
            <translation>正在拨打值班领导：{number}（已复制到剪贴板）。</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>当前</translation>
        </message>
        <message>
            <source>The shift under way now</source>
            <translation>当前正在进行的班次</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至</translation>
        </message>
        <message>
            <source>Show the roster as it was recorded at that moment (who was on duty when something happened)</source>
            <translation>显示该时刻已录入的值班表（事发时谁在值班）</translation>
        </message>
        <message>
            <source>Save roster</source>
            <translation>保存值班表</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>撤销修改</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>导入 CSV…</translation>
        </message>
        <message>
            <source>Export day CSV…</source>
            <translation>导出当日 CSV…</translation>
        </message>
        <message>
            <source>A past moment's roster is shown; untick "As of" to change the roster.</source>
            <translation>显示的是过去某一时刻的值班表；取消勾选“截至”才能修改。</translation>
        </message>
        <message>
            <source>Not confirmed: the hub did not answer in time. What you typed is kept: if the roster does not show as recorded, save it again.</source>
            <translation>未确认：服务端未及时应答。已输入的内容保留：如果值班表没有显示为已录入，请再保存一次。</translation>
        </message>
        <message>
            <source>Import rosters</source>
            <translation>导入值班表</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Export the day's rosters</source>
            <translation>导出当日值班表</translation>
        </message>
        <message>
            <source>Station: type part of its name</source>
            <translation>派出所：输入名称的一部分</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Saving the roster…</source>
            <translation>正在保存值班表…</translation>
        </message>
        <message>
            <source>Import {count} rosters for {stations} stations, {first} to {last}, from {file}? Each replaces the roster of its shift.</source>
            <translation>从 {file} 导入 {stations} 个派出所 {first} 至 {last} 的 {count} 份值班表？每份将替换其班次原有的值班表。</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>未导入任何内容。</translation>
        </message>
        <message>
            <source>{total} units on shift, {free} free now</source>
            <translation>在岗警力 {total} 个，当前空闲 {free} 个</translation>
        </message>
        <message>
            <source>{reason} Rosters can be read here, not changed.</source>
            <translation>{reason}此处只能查看值班表，不能修改。</translation>
        </message>
        <message>
            <source>Not saved: {reason}. What you typed is kept: correct it and save again.</source>
            <translation>未保存：{reason}。已输入的内容保留：请修改后再保存。</translation>
        </message>
        <message>
            <source>Importing {count} rosters…</source>
            <translation>正在导入 {count} 份值班表…</translation>
        </message>
        <message>
            <source>CSV UTF-8, for Excel (*.csv)</source>
            <translation>CSV UTF-8，供 Excel 打开 (*.csv)</translation>
        </message>
        <message>
            <source>Exported the rosters of {date} to {file}.</source>
            <translation>已将 {date} 的值班表导出到 {file}。</translation>
        </message>
        <message>
            <source>Nothing was imported: {count} problems in {file} ({rows} rows read). Correct the file and import it again.</source>
            <translation>未导入任何内容：{file} 中有 {count} 处问题（共读取 {rows} 行）。请修改文件后重新导入。</translation>
        </message>
        <message>
            <source>{done} rosters imported.</source>
            <translation>已导入 {done} 份值班表。</translation>
        </message>
        <message>
            <source>Cannot read {file}: {reason}</source>
            <translation>无法读取 {file}：{reason}</translation>
        </message>
        <message>
            <source>Cannot write {file}: {reason}</source>
            <translation>无法写入 {file}：{reason}</translation>
        </message>
        <message>
            <source>{count} were refused: {reason}</source>
            <translation>其中 {count} 份被拒绝：{reason}</translation>
        </message>
        <message>
            <source>Day shift</source>
            <translation>白班</translation>
        </message>
        <message>
            <source>Night shift</source>
            <translation>夜班</translation>
        </message>
        <message>
            <source>Generated roster: none has been recorded for this shift.</source>
            <translation>系统生成的值班表：此班次尚未录入值班表。</translation>
        </message>
        <message>
            <source>Recorded by {operator} at {time}</source>
            <translation>由 {operator} 于 {time} 录入</translation>
        </message>
        <message>
            <source>, imported from {file}</source>
            <translation>，导入自 {file}</translation>
        </message>
        <message>
            <source>, in force since {date}</source>
            <translation>，自 {date} 起执行</translation>
        </message>
        <message>
            <source>Duty roster</source>
            <translation>值班表</translation>
        </message>
        <message>
            <source>Copy / dial the duty leader's number</source>
            <translation>复制 / 拨打值班领导电话</translation>
        </message>
        <message>
            <source>Call signs separated by ；</source>
            <translation>呼号之间用“；”分隔</translation>
        </message>
        <message>
            <source>Discard what was typed for this shift (its draft) and show the roster as recorded</source>
            <translation>放弃本班次已输入未保存的内容（草稿），显示已记录的值班表</translation>
        </message>
        <message>
            <source>The unsaved roster drafts could not be read ({reason}); the file was set aside as {file}.</source>
            <translation>未保存的值班表草稿无法读取（{reason}）；该文件已另存为 {file}。</translation>
        </message>
        <message>
            <source>The unsaved roster drafts in {file} cannot be read: {reason}.</source>
            <translation>无法读取 {file} 中未保存的值班表草稿：{reason}。</translation>
        </message>
        <message>
            <source>Unsaved drafts: {shifts}</source>
            <translation>未保存的草稿：{shifts}</translation>
        </message>
        <message>
            <source>What was typed and not yet saved, kept until it is saved or undone (also when the desk is closed). Click one to show it.</source>
            <translation>已输入但尚未保存的内容，在保存或撤销之前一直保留（关闭程序后也保留）。点击可打开。</translation>
        </message>
        <message>
            <source>What you typed cannot be kept as a draft in {file}: {reason}. Save the roster before you switch shift or close the desk.</source>
            <translation>输入的内容无法作为草稿保存到 {file}：{reason}。请在切换班次或关闭程序前保存值班表。</translation>
        </message>
        <message>
            <source>{value!r} is neither a call sign (天河巡12组) nor a unit id (PG-440106-03-01) of the desk's units</source>
            <translation>{value!r} 既不是本系统警力的呼号（如 天河巡12组），也不是警力编号（如 PG-440106-03-01）</translation>
        </message>
        <message>
            <source>{value!r} is the call sign of more than one unit; give the unit's id</source>
            <translation>{value!r} 是多个警力共用的呼号；请填写警力编号</translation>
        </message>
    </context>
</TS>
