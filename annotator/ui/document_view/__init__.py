"""document_view"""
