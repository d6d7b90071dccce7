"""The yearly e-Governance and Innovation Action Plan (ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা).

See ../shared/design/domain.md, "The action plan in detail", and docs/actionplan-import.md.
"""
