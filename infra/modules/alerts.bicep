// Log search alert rules on the workspace's AppMetrics table (the instruments named in
// src/ZohoDsr.Core/Telemetry/DsrTelemetry.cs) and, when an address is given, the action group that emails them.
// The rules are deployed either way: a fired alert shows in the portal (Monitor > Alerts) even when nobody is
// emailed. Each rule is stateful (it fires once and resolves by itself) and splits by org, so one org's trouble
// does not hide another's. Each query returns its measure per org and 5-minute bin (TimeGenerated), which the
// rule aggregates over its window. In the queries, double-quoted strings are telemetry names and values.

@description('Prefix of the alert rule names; each rule appends what it watches.')
param name string

@description('Azure region of the alert rules (the action group is global).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the action group.')
param actionGroupName string

@description('Resource id of the Log Analytics workspace the rules query.')
param logAnalyticsWorkspaceId string

@description('Email address the alerts go to. Empty: no action group; the rules still fire in the portal.')
param alertEmail string

@description('A request failed: fire when more requests than this fail within the window (0: any failure).')
@minValue(0)
param failedRequestsThreshold int

@description('Fire when a request has waited for approval longer than this many hours.')
@minValue(1)
param approvalWaitAlertHours int

@description('Fire when an open request is due within this many days (the app counts them; see ZohoDsr:Deadlines:DueSoonDays).')
@minValue(0)
param dueSoonAlertDays int

@description('Fire when an org has used more than this percent of its daily Zoho API credit budget.')
@minValue(1)
@maxValue(100)
param creditBudgetAlertPercent int

var failedQuery = '''
AppMetrics
| where Name == "zohodsr.request.ended"
| where tostring(Properties["zohodsr.request.status"]) == "failed"
| extend org = tostring(Properties["zohodsr.org.id"]), type = tostring(Properties["zohodsr.request.type"]), reason = tostring(Properties["error.type"])
| summarize Failed = sum(Sum) by org, type, reason, TimeGenerated = bin(TimeGenerated, 5m)
'''

var approvalQuery = '''
AppMetrics
| where Name == "zohodsr.approval.oldest_wait"
| extend org = tostring(Properties["zohodsr.org.id"])
| summarize OldestWaitHours = max(Sum) / 3600.0 by org, TimeGenerated = bin(TimeGenerated, 5m)
'''

var dueSoonQuery = '''
AppMetrics
| where Name == "zohodsr.request.due_soon"
| extend org = tostring(Properties["zohodsr.org.id"]), withinDays = tostring(Properties["zohodsr.due.within_days"])
| summarize DueSoon = max(Sum) by org, withinDays, TimeGenerated = bin(TimeGenerated, 5m)
'''

var creditsQuery = '''
AppMetrics
| where Name in ("zohodsr.zoho.credit.usage", "zohodsr.zoho.credit.limit")
| extend org = tostring(Properties["zohodsr.org.id"])
| summarize Used = maxif(Sum, Name == "zohodsr.zoho.credit.usage"), Budget = maxif(Sum, Name == "zohodsr.zoho.credit.limit") by org, TimeGenerated = bin(TimeGenerated, 5m)
| where Budget > 0
| project TimeGenerated, org, UsedPercent = 100.0 * Used / Budget
'''

var rules = [
  {
    suffix: 'request-failed'
    displayName: 'ZohoDsr: request failed'
    description: 'More than ${failedRequestsThreshold} data subject request(s) failed in 15 minutes. The workbook\'s Failures section and the request\'s status say why.'
    severity: 1
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    query: failedQuery
    timeAggregation: 'Total'
    measure: 'Failed'
    dimensions: ['org', 'type', 'reason']
    threshold: failedRequestsThreshold
  }
  {
    suffix: 'approval-waiting'
    displayName: 'ZohoDsr: approval waiting'
    description: 'A request has waited for approval longer than ${approvalWaitAlertHours} hours; it fails when ZohoDsr:ApprovalTimeout passes.'
    severity: 2
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    query: approvalQuery
    timeAggregation: 'Maximum'
    measure: 'OldestWaitHours'
    dimensions: ['org']
    threshold: approvalWaitAlertHours
  }
  {
    suffix: 'due-soon'
    displayName: 'ZohoDsr: request due soon'
    description: 'An open request is due within ${dueSoonAlertDays} days, or overdue.'
    severity: 1
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    query: dueSoonQuery
    timeAggregation: 'Maximum'
    measure: 'DueSoon'
    dimensions: ['org', 'withinDays']
    threshold: 0
  }
  {
    suffix: 'credit-budget'
    displayName: 'ZohoDsr: Zoho credits near the daily budget'
    description: 'An org has used more than ${creditBudgetAlertPercent}% of its daily Zoho API credit budget in the rolling 24 hours.'
    severity: 2
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    query: creditsQuery
    timeAggregation: 'Maximum'
    measure: 'UsedPercent'
    dimensions: ['org']
    threshold: creditBudgetAlertPercent
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ZohoDsr'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${name}-${rule.suffix}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      evaluationFrequency: rule.evaluationFrequency
      windowSize: rule.windowSize
      scopes: [
        logAnalyticsWorkspaceId
      ]
      // AppMetrics holds no rows before the app's first export: do not refuse the rule for that.
      skipQueryValidation: true
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.timeAggregation
            metricMeasureColumn: rule.measure
            dimensions: [
              for dimension in rule.dimensions: {
                name: dimension
                operator: 'Include'
                values: [
                  '*'
                ]
              }
            ]
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
      }
    }
  }
]
