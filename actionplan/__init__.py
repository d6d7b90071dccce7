"""The yearly e-Governance and Innovation Action Plan (ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা).

Not installed yet: indicators, targets, achievements, evidence and scores arrive with the
action-plan issue; see ../shared/design/domain.md, "The action plan in detail".
"""
