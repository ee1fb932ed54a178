// The "ZohoDsr operations" workbook: requests, durations, Zoho throttling and credits against each org's budget,
// rate-gate permits, approvals waiting, due dates and failures. It reads the workspace's AppMetrics table (the
// instruments named in src/ZohoDsr.Core/Telemetry/DsrTelemetry.cs, exported by Azure Monitor OpenTelemetry) and its
// AppTraces table (the app's logs), and is listed among the Application Insights component's workbooks.
// In the queries, double-quoted strings are telemetry names and values (a test holds them to DsrTelemetry's
// constants); display text is single-quoted.

@description('Name of the workbook resource: a GUID.')
param name string

@description('Azure region of the workbook.')
param location string

@description('Tags applied to the workbook.')
param tags object

@description('Title of the workbook in the portal.')
param displayName string = 'ZohoDsr operations'

@description('Resource id of the Application Insights component the workbook is listed under.')
param applicationInsightsId string

@description('Resource id of the Log Analytics workspace the queries read.')
param logAnalyticsWorkspaceId string

@description('Percent of an org\'s daily credit budget above which the credits alert fires (shown next to usage).')
param creditBudgetAlertPercent int

@description('Hours of waiting for approval after which the approval alert fires (shown next to the oldest wait).')
param approvalWaitAlertHours int

@description('Days ahead the due-soon gauge and alert look.')
param dueSoonAlertDays int

var workspaceType = 'microsoft.operationalinsights/workspaces'

// One query step of the workbook, on the workspace, over the TimeRange parameter.
func query(name string, title string, kql string, visualization string, width string, workspaceId string) object => {
  type: 3
  name: name
  customWidth: width
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: kql
    size: 0
    queryType: 0
    resourceType: 'microsoft.operationalinsights/workspaces'
    crossComponentResources: [
      workspaceId
    ]
    timeContextFromParameter: 'TimeRange'
    visualization: visualization
  }
}

func text(name string, markdown string) object => {
  type: 1
  name: name
  content: {
    json: markdown
  }
}

var orgsQuery = '''
AppMetrics
| where Name in ("zohodsr.request.started", "zohodsr.zoho.calls", "zohodsr.zoho.credit.usage")
| extend org = tostring(Properties["zohodsr.org.id"])
| where isnotempty(org)
| distinct org
| order by org asc
'''

var requestsByTypeQuery = '''
AppMetrics
| where Name in ("zohodsr.request.started", "zohodsr.request.ended")
| extend org = tostring(Properties["zohodsr.org.id"]), type = tostring(Properties["zohodsr.request.type"]), status = tostring(Properties["zohodsr.request.status"])
| where "*" in ({Org}) or org in ({Org})
| summarize Started = tolong(sumif(Sum, Name == "zohodsr.request.started")), Completed = tolong(sumif(Sum, status == "completed")), Failed = tolong(sumif(Sum, status == "failed")), Canceled = tolong(sumif(Sum, status == "canceled")) by type
| order by type asc
'''

var requestsEndedQuery = '''
AppMetrics
| where Name == "zohodsr.request.ended"
| extend org = tostring(Properties["zohodsr.org.id"]), status = tostring(Properties["zohodsr.request.status"]), type = tostring(Properties["zohodsr.request.type"])
| where "*" in ({Org}) or org in ({Org})
| summarize Requests = tolong(sum(Sum)) by series = strcat(type, ' ', status), bin(TimeGenerated, {TimeRange:grain})
'''

// The exporter sends a histogram as Sum, ItemCount, Min and Max per minute, without buckets: the percentiles are
// weighted over each minute's mean, exact whenever a minute ends at most one request of a type and status.
var durationQuery = '''
AppMetrics
| where Name == "zohodsr.request.duration" and ItemCount > 0
| extend type = tostring(Properties["zohodsr.request.type"]), status = tostring(Properties["zohodsr.request.status"])
| summarize Requests = sum(ItemCount), p50 = percentilew(Sum / ItemCount, ItemCount, 50), p95 = percentilew(Sum / ItemCount, ItemCount, 95), Longest = max(Max) by type, status
| project type, status, Requests, p50 = p50 * 1s, p95 = p95 * 1s, Longest = Longest * 1s
| order by type asc, status asc
'''

var recordsQuery = '''
AppMetrics
| where Name == "zohodsr.record.outcomes"
| extend org = tostring(Properties["zohodsr.org.id"]), module = tostring(Properties["zohodsr.module"]), outcome = tostring(Properties["zohodsr.record.outcome"])
| where "*" in ({Org}) or org in ({Org})
| summarize Records = tolong(sum(Sum)) by module, outcome
| evaluate pivot(outcome, sum(Records))
| order by module asc
'''

var zohoQuery = '''
AppMetrics
| where Name in ("zohodsr.zoho.calls", "zohodsr.zoho.credits", "zohodsr.zoho.throttles")
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize Calls = tolong(sumif(Sum, Name == "zohodsr.zoho.calls")), Credits = tolong(sumif(Sum, Name == "zohodsr.zoho.credits")), Throttles = tolong(sumif(Sum, Name == "zohodsr.zoho.throttles")) by org
| extend ['Throttled %'] = iff(Calls > 0, round(100.0 * Throttles / Calls, 1), 0.0)
| order by Throttles desc, Credits desc
'''

var throttlesQuery = '''
AppMetrics
| where Name == "zohodsr.zoho.throttles"
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize Throttles = tolong(sum(Sum)) by org, bin(TimeGenerated, {TimeRange:grain})
'''

var creditsQuery = '''
AppMetrics
| where Name in ("zohodsr.zoho.credit.usage", "zohodsr.zoho.credit.limit")
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize arg_max(TimeGenerated, Sum) by org, Name
| summarize AsOf = max(TimeGenerated), Used = tolong(maxif(Sum, Name == "zohodsr.zoho.credit.usage")), Budget = tolong(maxif(Sum, Name == "zohodsr.zoho.credit.limit")) by org
| extend ['Used %'] = iff(Budget > 0, round(100.0 * Used / Budget, 1), real(null)), ['Alert above %'] = toint('{CreditAlertPercent}')
| order by ['Used %'] desc
'''

var creditsOverTimeQuery = '''
AppMetrics
| where Name in ("zohodsr.zoho.credit.usage", "zohodsr.zoho.credit.limit")
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize Credits = tolong(max(Sum)) by series = strcat(org, iff(Name == "zohodsr.zoho.credit.usage", ' used in 24 h', ' daily budget')), bin(TimeGenerated, {TimeRange:grain})
'''

var permitsQuery = '''
AppMetrics
| where Name in ("zohodsr.rate_gate.permit.usage", "zohodsr.rate_gate.permit.limit")
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize Permits = tolong(max(Sum)) by series = strcat(org, iff(Name == "zohodsr.rate_gate.permit.usage", ' in use', ' cap')), bin(TimeGenerated, {TimeRange:grain})
'''

var approvalsQuery = '''
AppMetrics
| where Name in ("zohodsr.approval.waiting", "zohodsr.approval.oldest_wait")
| extend org = tostring(Properties["zohodsr.org.id"])
| where "*" in ({Org}) or org in ({Org})
| summarize arg_max(TimeGenerated, Sum) by org, Name
| summarize AsOf = max(TimeGenerated), Waiting = tolong(maxif(Sum, Name == "zohodsr.approval.waiting")), ['Oldest wait'] = maxif(Sum, Name == "zohodsr.approval.oldest_wait") * 1s by org
| extend ['Alert after'] = toint('{ApprovalAlertHours}') * 1h
| order by ['Oldest wait'] desc
'''

var dueQuery = '''
AppMetrics
| where Name in ("zohodsr.request.open", "zohodsr.request.due_soon")
| extend org = tostring(Properties["zohodsr.org.id"]), bucket = tostring(Properties["zohodsr.due.bucket"])
| where "*" in ({Org}) or org in ({Org})
| summarize arg_max(TimeGenerated, Sum) by org, Name, bucket
| summarize AsOf = max(TimeGenerated), Overdue = tolong(maxif(Sum, bucket == "overdue")), Due0To7 = tolong(maxif(Sum, bucket == "0-7")), Due8To14 = tolong(maxif(Sum, bucket == "8-14")), Due15Plus = tolong(maxif(Sum, bucket == "15+")), DueSoon = tolong(maxif(Sum, Name == "zohodsr.request.due_soon")) by org
| project org, AsOf, Overdue, ['Due in 0-7 days'] = Due0To7, ['Due in 8-14 days'] = Due8To14, ['Due in 15+ days'] = Due15Plus, ['Due within {DueSoonDays} days, overdue included'] = DueSoon
| order by Overdue desc, ['Due in 0-7 days'] desc
'''

var failuresQuery = '''
AppMetrics
| where Name == "zohodsr.request.ended"
| extend org = tostring(Properties["zohodsr.org.id"]), type = tostring(Properties["zohodsr.request.type"]), status = tostring(Properties["zohodsr.request.status"]), reason = tostring(Properties["error.type"])
| where status == "failed"
| where "*" in ({Org}) or org in ({Org})
| summarize Failed = tolong(sum(Sum)), Last = max(TimeGenerated) by org, type, Reason = iff(isempty(reason), '(not given)', reason)
| order by Last desc
'''

var errorLogQuery = '''
AppTraces
| where SeverityLevel >= 3
| extend requestId = tostring(Properties['requestId']), org = tostring(Properties['orgId'])
| where isnotempty(requestId)
| where '*' in ({Org}) or org in ({Org})
| project TimeGenerated, requestId, org, Message, AppRoleInstance
| order by TimeGenerated desc
| take 200
'''

var parameters = {
  type: 9
  name: 'parameters'
  content: {
    version: 'KqlParameterItem/1.0'
    style: 'pills'
    queryType: 0
    resourceType: workspaceType
    crossComponentResources: [
      logAnalyticsWorkspaceId
    ]
    parameters: [
      {
        id: guid('zohodsr-workbook', 'TimeRange')
        version: 'KqlParameterItem/1.0'
        name: 'TimeRange'
        label: 'Time range'
        type: 4
        isRequired: true
        value: {
          durationMs: 86400000
        }
        typeSettings: {
          allowCustom: true
          selectableValues: [
            { durationMs: 3600000 }
            { durationMs: 14400000 }
            { durationMs: 86400000 }
            { durationMs: 604800000 }
            { durationMs: 2592000000 }
          ]
        }
      }
      {
        id: guid('zohodsr-workbook', 'Org')
        version: 'KqlParameterItem/1.0'
        name: 'Org'
        label: 'Zoho org'
        type: 2
        multiSelect: true
        quote: '\''
        delimiter: ','
        query: orgsQuery
        value: [
          'value::all'
        ]
        typeSettings: {
          additionalResourceOptions: [
            'value::all'
          ]
          selectAllValue: '*'
          showDefault: false
        }
        timeContext: {
          durationMs: 2592000000
        }
        queryType: 0
        resourceType: workspaceType
        crossComponentResources: [
          logAnalyticsWorkspaceId
        ]
      }
      {
        id: guid('zohodsr-workbook', 'CreditAlertPercent')
        version: 'KqlParameterItem/1.0'
        name: 'CreditAlertPercent'
        label: 'Credits alert above %'
        type: 1
        value: string(creditBudgetAlertPercent)
        isHiddenWhenLocked: true
      }
      {
        id: guid('zohodsr-workbook', 'ApprovalAlertHours')
        version: 'KqlParameterItem/1.0'
        name: 'ApprovalAlertHours'
        label: 'Approval alert after hours'
        type: 1
        value: string(approvalWaitAlertHours)
        isHiddenWhenLocked: true
      }
      {
        id: guid('zohodsr-workbook', 'DueSoonDays')
        version: 'KqlParameterItem/1.0'
        name: 'DueSoonDays'
        label: 'Due-soon days'
        type: 1
        value: string(dueSoonAlertDays)
        isHiddenWhenLocked: true
      }
    ]
  }
}

var content = {
  version: 'Notebook/1.0'
  items: [
    text(
      'title',
      '# ZohoDsr operations\nData subject requests carried out against Zoho CRM: how many, how long, what Zoho cost, what waits for approval, what is due and what failed. Counts are sums over the time range; "as of" tables show the latest value the app reported.'
    )
    parameters
    text('requests-header', '## Requests')
    query(
      'requests-by-type',
      'Requests by type and final status',
      requestsByTypeQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    query(
      'requests-duration',
      'Duration from start to final status (p50, p95, longest)',
      durationQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    query(
      'requests-ended',
      'Requests ended, by type and status',
      requestsEndedQuery,
      'timechart',
      '50',
      logAnalyticsWorkspaceId
    )
    query(
      'records-by-outcome',
      'The subject\'s records by module and outcome',
      recordsQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    text('deadlines-header', '## Deadlines and approvals')
    query(
      'due-dates',
      'Open requests by days to their due date (as of)',
      dueQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    query(
      'approvals-waiting',
      'Requests waiting for approval (as of)',
      approvalsQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    text('zoho-header', '## Zoho API: throttling, credits and the rate gate')
    query(
      'zoho-spend',
      'Zoho calls, credits and throttles (429) per org',
      zohoQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    query(
      'zoho-credits',
      'Credits used in the rolling 24 h against the daily budget (as of)',
      creditsQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
    query('zoho-throttles', 'Throttled Zoho calls per org', throttlesQuery, 'timechart', '50', logAnalyticsWorkspaceId)
    query(
      'zoho-credits-over-time',
      'Credits used in 24 h and daily budget',
      creditsOverTimeQuery,
      'timechart',
      '50',
      logAnalyticsWorkspaceId
    )
    query('rate-gate', 'Rate-gate permits in use and cap', permitsQuery, 'timechart', '100', logAnalyticsWorkspaceId)
    text('failures-header', '## Failures')
    query('failures-by-reason', 'Failed requests by reason', failuresQuery, 'table', '50', logAnalyticsWorkspaceId)
    query(
      'error-log',
      'Error log lines of requests (newest first)',
      errorLogQuery,
      'table',
      '50',
      logAnalyticsWorkspaceId
    )
  ]
  fallbackResourceIds: [
    applicationInsightsId
  ]
  '$schema': 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json'
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: name
  location: location
  tags: union(tags, { 'hidden-title': displayName })
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    version: 'Notebook/1.0'
    serializedData: string(content)
  }
}

output id string = workbook.id
output name string = workbook.name
