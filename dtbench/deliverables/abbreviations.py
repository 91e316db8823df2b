"""The abbreviations a proposal explains: those its text uses, from the guide's own list and a
built-in list of the ones consultants and clients write in digital-transformation work.

The list in the document is built from what the document says, so it names APS, WMS, OEE
and OPC UA when the text uses them, and leaves out what it never mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dtbench.guide.model import Abbreviation

# (abbreviation, 中文, English)
KNOWN: tuple[tuple[str, str, str], ...] = (
    ("3D", "三维", "Three-dimensional"),
    ("5G", "第五代移动通信技术", "Fifth-generation mobile network"),
    ("5S", "整理、整顿、清扫、清洁、素养", "Sort, Set in order, Shine, Standardize, Sustain"),
    ("8D", "八步法问题解决", "Eight Disciplines problem solving"),
    ("AGV", "自动导引车", "Automated Guided Vehicle"),
    ("AI", "人工智能", "Artificial Intelligence"),
    ("API", "应用程序编程接口", "Application Programming Interface"),
    ("APS", "高级计划与排程", "Advanced Planning and Scheduling"),
    ("BI", "商业智能", "Business Intelligence"),
    ("BOM", "物料清单", "Bill of Materials"),
    ("CAD", "计算机辅助设计", "Computer-Aided Design"),
    ("CAE", "计算机辅助工程", "Computer-Aided Engineering"),
    ("CAM", "计算机辅助制造", "Computer-Aided Manufacturing"),
    ("CAPP", "计算机辅助工艺设计", "Computer-Aided Process Planning"),
    ("CMM", "三坐标测量机", "Coordinate Measuring Machine"),
    ("CNC", "计算机数控", "Computer Numerical Control"),
    ("CRM", "客户关系管理", "Customer Relationship Management"),
    ("DNC", "分布式数控", "Distributed Numerical Control"),
    ("ECN", "工程变更通知", "Engineering Change Notice"),
    ("EDI", "电子数据交换", "Electronic Data Interchange"),
    ("ERP", "企业资源计划", "Enterprise Resource Planning"),
    ("FMEA", "失效模式与影响分析", "Failure Mode and Effects Analysis"),
    ("HR", "人力资源", "Human Resources"),
    ("IoT", "物联网", "Internet of Things"),
    ("IIoT", "工业物联网", "Industrial Internet of Things"),
    ("IT", "信息技术", "Information Technology"),
    ("KPI", "关键绩效指标", "Key Performance Indicator"),
    ("LIMS", "实验室信息管理系统", "Laboratory Information Management System"),
    ("MES", "制造执行系统", "Manufacturing Execution System"),
    ("MIS", "管理信息系统", "Management Information System"),
    ("MOM", "制造运营管理", "Manufacturing Operations Management"),
    ("MRP", "物料需求计划", "Material Requirements Planning"),
    ("MSA", "测量系统分析", "Measurement System Analysis"),
    ("NAS", "网络附加存储", "Network-Attached Storage"),
    ("OA", "办公自动化", "Office Automation"),
    ("OEE", "设备综合效率", "Overall Equipment Effectiveness"),
    ("OEM", "原始设备制造商", "Original Equipment Manufacturer"),
    ("OKR", "目标与关键成果", "Objectives and Key Results"),
    ("OPC UA", "OPC统一架构", "OPC Unified Architecture"),
    ("OT", "运营技术", "Operational Technology"),
    ("PDCA", "计划—执行—检查—处理循环", "Plan–Do–Check–Act cycle"),
    ("PDM", "产品数据管理", "Product Data Management"),
    ("PLC", "可编程逻辑控制器", "Programmable Logic Controller"),
    ("PLM", "产品生命周期管理", "Product Lifecycle Management"),
    ("PMO", "项目管理办公室", "Project Management Office"),
    ("QC", "质量控制", "Quality Control"),
    ("QMS", "质量管理系统", "Quality Management System"),
    ("QR", "快速响应（二维码）", "Quick Response (code)"),
    ("RFID", "射频识别", "Radio Frequency Identification"),
    ("RFQ", "询价", "Request for Quotation"),
    ("ROI", "投资回报率", "Return on Investment"),
    ("SCADA", "数据采集与监视控制系统", "Supervisory Control and Data Acquisition"),
    ("SCM", "供应链管理", "Supply Chain Management"),
    ("SPC", "统计过程控制", "Statistical Process Control"),
    ("SRM", "供应商关系管理", "Supplier Relationship Management"),
    ("TPM", "全员生产维护", "Total Productive Maintenance"),
    ("UPS", "不间断电源", "Uninterruptible Power Supply"),
    ("WIP", "在制品", "Work in Progress"),
    ("WMS", "仓储管理系统", "Warehouse Management System"),
)


def _pattern(abbr: str) -> re.Pattern[str]:
    # a whole word, in English also as a plural (KPIs, BOMs); OPC UA with any spacing
    body = r"\s+".join(re.escape(part) for part in abbr.split())
    return re.compile(rf"(?<![A-Za-z0-9]){body}s?(?![A-Za-z0-9])")


def used(text: str, guide: Iterable[Abbreviation]) -> list[Abbreviation]:
    """The abbreviations ``text`` uses, the guide's wording first where both define one,
    in alphabetical order."""
    known = {a.abbr: a for a in (Abbreviation(*row) for row in KNOWN)}
    known.update({a.abbr: a for a in guide})
    found = [a for a in known.values() if _pattern(a.abbr).search(text)]
    return sorted(found, key=lambda a: a.abbr.upper())
