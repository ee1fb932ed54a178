// ZohoDsr on Azure: the Functions app that carries out data subject requests against Zoho CRM,
// with its storage, Key Vault, monitoring (the "ZohoDsr operations" workbook and alert rules) and
// managed identity. Deployed by `azd up`.

targetScope = 'subscription'

@description('One Zoho CRM org the app serves. Its client secret and refresh token are Key Vault secrets named zoho-{orgId}-client-secret and zoho-{orgId}-refresh-token.')
type zohoOrg = {
  @description('Zoho org id (the key of the org in the app configuration and in the webhook orgId field).')
  @minLength(1)
  orgId: string

  @description('Zoho data centre of the org.')
  dataCenter: 'US' | 'EU' | 'IN' | 'AU' | 'JP' | 'CN' | 'CA' | 'SA' | 'UK'

  @description('OAuth client id of the app registered in the Zoho API console (not a secret).')
  @minLength(1)
  clientId: string

  @description('Zoho CRM edition of the org, which sets its API limits.')
  edition: 'Free' | 'Standard' | 'Professional' | 'Enterprise' | 'Ultimate'

  @description('Zoho CRM API version the app speaks to this org.')
  apiVersion: 'V2' | 'V8'

  @description('Purchased user licences, which raise the daily API credit budget. Omitted: the app default (10).')
  @minValue(1)
  userLicenses: int?
}

@description('Name of the azd environment; part of every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource.')
@minLength(1)
param location string

@description('Hosting plan of the function app: Flex Consumption, or Elastic Premium EP1.')
@allowed([
  'FlexConsumption'
  'EP1'
])
param hostingPlan string = 'FlexConsumption'

@description('Days an access-report export is kept in Blob Storage before the lifecycle policy deletes it.')
@minValue(1)
@maxValue(3650)
param exportRetentionDays int = 30

@description('Whether the Key Vault accepts traffic from public networks.')
@allowed([
  'Enabled'
  'Disabled'
])
param keyVaultPublicNetworkAccess string = 'Enabled'

@description('Durable Functions task hub name (letters and digits, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'ZohoDsr'

@description('The Zoho CRM orgs the app serves (no secrets: those go to Key Vault).')
param zohoOrgs zohoOrg[] = []

@description('Email address that receives the operations alerts. Empty: no action group is deployed and nobody is emailed, but the alert rules still fire in the portal (Monitor > Alerts).')
param alertEmail string = ''

@description('Alert "request failed": fire when more requests than this fail within 15 minutes (0: on any failure).')
@minValue(0)
param failedRequestsAlertThreshold int = 0

@description('Alert "approval waiting": fire when a request has waited for approval longer than this many hours (the app fails it at ZohoDsr:ApprovalTimeout, 72 hours by default).')
@minValue(1)
param approvalWaitAlertHours int = 48

@description('Alert "request due soon": fire when an open request is due within this many days, or overdue. Also sets the app\'s ZohoDsr:Deadlines:DueSoonDays, which the alert reads.')
@minValue(0)
@maxValue(366)
param dueSoonAlertDays int = 7

@description('Alert "credits near the daily budget": fire when an org has used more than this percent of its daily Zoho API credit budget.')
@minValue(1)
@maxValue(100)
param creditBudgetAlertPercent int = 80

@description('Object id of the operator running the deployment; receives Key Vault Secrets Officer to set the secret values. Empty: no operator role.')
param principalId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var deploymentContainerName = 'app-package'
var exportsContainerName = 'exports'
var webhookSigningSecretName = 'webhook-signing-secret'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
var logAnalyticsName = '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var planName = '${abbrs.webServerFarms}${resourceToken}'
var actionGroupName = '${abbrs.insightsActionGroups}${resourceToken}'
var alertRuleNamePrefix = '${abbrs.insightsScheduledQueryRules}${resourceToken}'
var workbookName = guid(subscription().id, environmentName, location, 'operations-workbook')

// Each org becomes Zoho__Orgs__{orgId}__* settings, the shape the Zoho client options bind
// (ZohoOrgOptions: DataCenter, ClientId, Edition, Version, UserLicenses).
var zohoOrgSettings = reduce(
  zohoOrgs,
  {},
  (settings, org) =>
    union(
      settings,
      {
        'Zoho__Orgs__${org.orgId}__DataCenter': org.dataCenter
        'Zoho__Orgs__${org.orgId}__ClientId': org.clientId
        'Zoho__Orgs__${org.orgId}__Edition': org.edition
        'Zoho__Orgs__${org.orgId}__Version': org.apiVersion
      },
      org.?userLicenses == null ? {} : { 'Zoho__Orgs__${org.orgId}__UserLicenses': string(org.?userLicenses) }
    )
)

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    name: applicationInsightsName
    logAnalyticsName: logAnalyticsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    exportsContainerName: exportsContainerName
    exportRetentionDays: exportRetentionDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
    publicNetworkAccess: keyVaultPublicNetworkAccess
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    // The principal id exists only once the identity does; role assignment names must include it.
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
  }
  // The assignments need the resources they are scoped to.
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: planName
    location: location
    tags: tags
    hostingPlan: hostingPlan
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobServiceUri: storage.outputs.blobServiceUri
    storageQueueServiceUri: storage.outputs.queueServiceUri
    storageTableServiceUri: storage.outputs.tableServiceUri
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    appSettings: {
      ZohoDsr__TaskHub: taskHubName
      ZohoDsr__KeyVaultUri: keyVault.outputs.uri
      ZohoDsr__Exports__BlobServiceUri: storage.outputs.blobServiceUri
      ZohoDsr__Exports__Container: storage.outputs.exportsContainerName
      ZohoDsr__RetentionDays: string(exportRetentionDays)
      // The due-soon gauge counts with the same number of days as its alert.
      ZohoDsr__Deadlines__DueSoonDays: string(dueSoonAlertDays)
      // A Key Vault reference, resolved by the platform as the app's identity: the value stays in the vault.
      ZohoDsr__Webhook__SigningSecret: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${webhookSigningSecretName})'
    }
    additionalAppSettings: zohoOrgSettings
  }
  // The app starts only once its identity may reach storage, Key Vault and Application Insights.
  dependsOn: [
    rbac
  ]
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: resourceGroup
  params: {
    name: workbookName
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.id
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    creditBudgetAlertPercent: creditBudgetAlertPercent
    approvalWaitAlertHours: approvalWaitAlertHours
    dueSoonAlertDays: dueSoonAlertDays
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroup
  params: {
    name: alertRuleNamePrefix
    location: location
    tags: tags
    actionGroupName: actionGroupName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    alertEmail: alertEmail
    failedRequestsThreshold: failedRequestsAlertThreshold
    approvalWaitAlertHours: approvalWaitAlertHours
    dueSoonAlertDays: dueSoonAlertDays
    creditBudgetAlertPercent: creditBudgetAlertPercent
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output WEBHOOK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/dsr'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
