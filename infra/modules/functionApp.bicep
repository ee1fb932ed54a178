// The Functions app (.NET 10 isolated worker) on Flex Consumption, or on Elastic Premium EP1, running
// as the user-assigned identity: identity-based host storage, Entra ID telemetry, no publishing
// credentials, HTTPS and TLS 1.2 only.

@description('Name of the function app.')
param name string

@description('Azure region of the app and its plan.')
param location string

@description('Tags applied to the app and its plan.')
param tags object

@description('Name of the hosting plan.')
param planName string

@description('Hosting plan: Flex Consumption (default) or Elastic Premium EP1.')
@allowed([
  'FlexConsumption'
  'EP1'
])
param hostingPlan string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the host storage account.')
param storageBlobServiceUri string

@description('Queue endpoint of the host storage account.')
param storageQueueServiceUri string

@description('Table endpoint of the host storage account.')
param storageTableServiceUri string

@description('Blob container receiving the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: ingestion requires Entra ID).')
param applicationInsightsConnectionString string

@description('Resource id of the Log Analytics workspace receiving the app logs.')
param logAnalyticsWorkspaceId string

@description('Application settings of the ZohoDsr app, merged over the host settings.')
param appSettings object

@description('Further application settings computed by the caller (one group per Zoho org), merged last.')
param additionalAppSettings object = {}

@description('Maximum instance count (Flex Consumption) or maximum elastic worker count (EP1).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB (Flex Consumption only).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var isFlex = hostingPlan == 'FlexConsumption'

// The Functions host and the Durable task hub reach storage as the user-assigned identity.
var hostSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobServiceUri
  AzureWebJobsStorage__queueServiceUri: storageQueueServiceUri
  AzureWebJobsStorage__tableServiceUri: storageTableServiceUri
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  AZURE_CLIENT_ID: identityClientId
}

// Flex Consumption takes runtime and version from functionAppConfig and rejects these settings.
// Elastic Premium needs them, and runs from the deployed package without an Azure Files share
// (the share would need a storage key).
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '1'
}

// Flex Consumption: .NET 10 isolated, the package pulled from a blob container as the app's identity.
var flexFunctionAppConfig = {
  deployment: {
    storage: {
      type: 'blobContainer'
      value: '${storageBlobServiceUri}${deploymentContainerName}'
      authentication: {
        type: 'UserAssignedIdentity'
        userAssignedIdentityResourceId: identityId
      }
    }
  }
  scaleAndConcurrency: {
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  runtime: {
    name: 'dotnet-isolated'
    version: '10.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: 'EP1'
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
    }
    functionAppConfig: isFlex ? flexFunctionAppConfig : null
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, isFlex ? {} : premiumSettings, appSettings, additionalAppSettings)
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'app-to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
