import { LanguageSelect as LanguageSelect_88b7697acba02386cfcbb18a9366bb25 } from '../../../plugin/fields/LanguageSelect'
import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { SlotCell as SlotCell_55940bc323afc1cc30c68940c621af1b } from '../../../plugin/fields/WordsCells'
import { LanguageCell as LanguageCell_55940bc323afc1cc30c68940c621af1b } from '../../../plugin/fields/WordsCells'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewActionsField as ReviewActionsField_b382e01d8a19fd004e3b728b18fc28b9 } from '../../../plugin/workflow/ReviewActionsField'
import { AudienceCell as AudienceCell_55940bc323afc1cc30c68940c621af1b } from '../../../plugin/fields/WordsCells'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { AnnouncementPreview as AnnouncementPreview_f1690917f04214b96e9314726cd6def1 } from '../../../announcements/preview/AnnouncementPreview'
import { AnnouncementWorkflow as AnnouncementWorkflow_2a3f7e8cddb1cc7a367dc1f58b01c7e3 } from '../../../announcements/AnnouncementWorkflow'
import { AnnouncementStatus as AnnouncementStatus_eeef1b2601ffe45f28a3197ecb4f56b1 } from '../../../announcements/AnnouncementStatus'
import { StatusCell as StatusCell_539a0fc8548d748ab89cdc382d2ba416 } from '../../../announcements/StatusCell'
import { RoleHome as RoleHome_26a003bea30781ed665f04b8f9683205 } from '../../../plugin/views/RoleHome'
import { DeskForwardsNotice as DeskForwardsNotice_211db912429dd71387e649ade08b62d3 } from '../../../aggregates/DeskForwardsNotice'
import { FlaggedDeliveriesNotice as FlaggedDeliveriesNotice_6c38560bd8376bde0af18597bae7d659 } from '../../../aggregates/FlaggedDeliveriesNotice'
import { StaffNotices as StaffNotices_69b1fc8e8bbb9f98048684446a01aedf } from '../../../workspace/notices/StaffNotices'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { NavLinks as NavLinks_c701e80db19de0dbefd7a9927d8643bb } from '../../../plugin/views/NavLinks'
import { NavOpenOnLaptops as NavOpenOnLaptops_0d8bdca734e95b2101d0783922c1f558 } from '../../../plugin/views/NavOpenOnLaptops'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { ReviewQueueView as ReviewQueueView_85a4af8078662c38093f88dcc970a443 } from '../../../plugin/views/ReviewQueueView'
import { CoverageView as CoverageView_2cc2cae15e82a715fca747dc320c433d } from '../../../plugin/views/CoverageView'
import { PublishView as PublishView_ee197944c00ac492e9518de30ed5a053 } from '../../../publish/view/PublishView'
import { ResidentPreviewView as ResidentPreviewView_ab9c96f21b069ceceef4801cb28cbc0d } from '../../../preview/ResidentPreviewView'
import { HomeView as HomeView_75055e05aa3031a5a367d56a489c640b } from '../../../dashboard/HomeView'
import { FamiliesView as FamiliesView_15e90bb14efd3e3f8615146a8dbf80e1 } from '../../../workspace/families/FamiliesView'
import { InboxView as InboxView_876665094203aa5ad9e0c3e2c388ccdb } from '../../../workspace/inbox/InboxView'
import { GuideView as GuideView_02db0ff0ae5e21545990de080bcecb80 } from '../../../workspace/family/GuideView'
import { FamilyView as FamilyView_038913248477ea05c42418f4cad55891 } from '../../../workspace/family/FamilyView'
import { AccessLogView as AccessLogView_0972bdf3bcd2c73d4de996d830e442e9 } from '../../../workspace/privacy/AccessLogView'
import { CounterRegistrationView as CounterRegistrationView_c14bc843b3f0561087f254b8b34442ce } from '../../../workspace/counter/CounterRegistrationView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/plugin/fields/LanguageSelect#LanguageSelect": LanguageSelect_88b7697acba02386cfcbb18a9366bb25,
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "/plugin/fields/WordsCells#SlotCell": SlotCell_55940bc323afc1cc30c68940c621af1b,
  "/plugin/fields/WordsCells#LanguageCell": LanguageCell_55940bc323afc1cc30c68940c621af1b,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugin/workflow/ReviewActionsField#ReviewActionsField": ReviewActionsField_b382e01d8a19fd004e3b728b18fc28b9,
  "/plugin/fields/WordsCells#AudienceCell": AudienceCell_55940bc323afc1cc30c68940c621af1b,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "/announcements/preview/AnnouncementPreview#AnnouncementPreview": AnnouncementPreview_f1690917f04214b96e9314726cd6def1,
  "/announcements/AnnouncementWorkflow#AnnouncementWorkflow": AnnouncementWorkflow_2a3f7e8cddb1cc7a367dc1f58b01c7e3,
  "/announcements/AnnouncementStatus#AnnouncementStatus": AnnouncementStatus_eeef1b2601ffe45f28a3197ecb4f56b1,
  "/announcements/StatusCell#StatusCell": StatusCell_539a0fc8548d748ab89cdc382d2ba416,
  "/plugin/views/RoleHome#RoleHome": RoleHome_26a003bea30781ed665f04b8f9683205,
  "/aggregates/DeskForwardsNotice#DeskForwardsNotice": DeskForwardsNotice_211db912429dd71387e649ade08b62d3,
  "/aggregates/FlaggedDeliveriesNotice#FlaggedDeliveriesNotice": FlaggedDeliveriesNotice_6c38560bd8376bde0af18597bae7d659,
  "/workspace/notices/StaffNotices#StaffNotices": StaffNotices_69b1fc8e8bbb9f98048684446a01aedf,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "/plugin/views/NavLinks#NavLinks": NavLinks_c701e80db19de0dbefd7a9927d8643bb,
  "/plugin/views/NavOpenOnLaptops#NavOpenOnLaptops": NavOpenOnLaptops_0d8bdca734e95b2101d0783922c1f558,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "/plugin/views/ReviewQueueView#ReviewQueueView": ReviewQueueView_85a4af8078662c38093f88dcc970a443,
  "/plugin/views/CoverageView#CoverageView": CoverageView_2cc2cae15e82a715fca747dc320c433d,
  "/publish/view/PublishView#PublishView": PublishView_ee197944c00ac492e9518de30ed5a053,
  "/preview/ResidentPreviewView#ResidentPreviewView": ResidentPreviewView_ab9c96f21b069ceceef4801cb28cbc0d,
  "/dashboard/HomeView#HomeView": HomeView_75055e05aa3031a5a367d56a489c640b,
  "/workspace/families/FamiliesView#FamiliesView": FamiliesView_15e90bb14efd3e3f8615146a8dbf80e1,
  "/workspace/inbox/InboxView#InboxView": InboxView_876665094203aa5ad9e0c3e2c388ccdb,
  "/workspace/family/GuideView#GuideView": GuideView_02db0ff0ae5e21545990de080bcecb80,
  "/workspace/family/FamilyView#FamilyView": FamilyView_038913248477ea05c42418f4cad55891,
  "/workspace/privacy/AccessLogView#AccessLogView": AccessLogView_0972bdf3bcd2c73d4de996d830e442e9,
  "/workspace/counter/CounterRegistrationView#CounterRegistrationView": CounterRegistrationView_c14bc843b3f0561087f254b8b34442ce,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
