// Nabo on Azure: the Azure Bot (Teams channel) pointing at Nabo in Azure Container Apps (two
// replicas or more), Azure Database for PostgreSQL flexible server, and Key Vault holding every
// secret; the container app reads them with its managed identity. Deploy into a resource group:
//   az deployment group create -g nabo-rg -f deploy/azure/main.bicep -p main.parameters.json
// Step by step (the Entra app registration comes first): deploy/README.md, "Azure".

targetScope = 'resourceGroup'

@description('Short name used in every resource name (letters and digits, 3-12 characters).')
@minLength(3)
@maxLength(12)
param name string = 'nabo'

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Container image of Nabo, built from deploy/Dockerfile and pushed to a registry (e.g. ghcr.io/ORG/nabo:1.0.0).')
param image string

@description('Application (client) id of the Entra app registration the bot signs in with.')
param botAppId string

@description('Client secret of that app registration.')
@secure()
param botAppPassword string

@description('Entra tenant of the app registration (single-tenant bot) and of the staff who use Nabo in Teams.')
param tenantId string = subscription().tenantId

@description('Entra object ids of the coordinators, comma-separated (NABO_COORDINATORS).')
param coordinators string = ''

@description('Telegram bot token from BotFather; empty turns Telegram off.')
@secure()
param telegramBotToken string = ''

@description('The Telegram bot\'s username (for deep links and QR codes), e.g. NaboRandersBot.')
param telegramBotUsername string = ''

@description('Administrator password of the PostgreSQL server.')
@secure()
param postgresPassword string

@description('Random text (32+ characters) that signs the dashboard links.')
@secure()
param tabSecret string

@description('Random text (16+ characters) that Telegram sends with every webhook call.')
@secure()
param telegramWebhookSecret string

@description('Bearer token for GET /metrics.')
@secure()
param metricsToken string

@description('Smallest number of Nabo replicas; two keep Nabo answering during an update.')
@minValue(1)
param minReplicas int = 2

var suffix = uniqueString(resourceGroup().id)
var postgresUser = 'nabo'
var postgresName = '${name}-pg-${suffix}'
var databaseName = 'nabo'
var vaultName = take('${name}-kv-${suffix}', 24)
var appName = '${name}-app'
// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresUser
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    // Point-in-time restore for 14 days; see deploy/README.md "Backups" for pg_dump copies as well.
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Lets Azure services (the container app's outbound addresses) connect; the password and TLS guard the rest.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, secretsUserRole)
  properties: {
    roleDefinitionId: secretsUserRole
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Built from names, not from the server's properties, so the list is known when the deployment starts.
var secrets = {
  'database-url': 'postgresql://${postgresUser}:${uriComponent(postgresPassword)}@${postgresName}.postgres.database.azure.com:5432/${databaseName}?sslmode=require'
  'microsoft-app-password': botAppPassword
  'telegram-bot-token': telegramBotToken
  'telegram-webhook-secret': telegramWebhookSecret
  'tab-secret': tabSecret
  'metrics-token': metricsToken
}

// Only the secrets that have a value (an empty Telegram token means Telegram is off).
var presentSecrets = filter(items(secrets), s => !empty(s.value))

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for s in presentSecrets: {
  parent: vault
  name: s.key
  properties: { value: s.value }
}]

resource appEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// The public address, known before the app exists, so the app's own settings can name it.
var publicHost = '${appName}.${appEnvironment.properties.defaultDomain}'
var publicUrl = 'https://${publicHost}'

var secretEnv = [
  { name: 'DATABASE_URL', secretRef: 'database-url' }
  { name: 'MicrosoftAppPassword', secretRef: 'microsoft-app-password' }
  { name: 'NABO_TAB_SECRET', secretRef: 'tab-secret' }
  { name: 'NABO_METRICS_TOKEN', secretRef: 'metrics-token' }
]
var telegramEnv = empty(telegramBotToken) ? [] : [
  { name: 'TELEGRAM_BOT_TOKEN', secretRef: 'telegram-bot-token' }
  { name: 'TELEGRAM_WEBHOOK_SECRET', secretRef: 'telegram-webhook-secret' }
  { name: 'TELEGRAM_WEBHOOK_URL', value: '${publicUrl}/api/telegram' }
  { name: 'TELEGRAM_BOT_USERNAME', value: telegramBotUsername }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [vaultReader, vaultSecrets, database, postgresFromAzure]
  properties: {
    managedEnvironmentId: appEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'http'
        allowInsecure: false
      }
      // Every secret is a Key Vault reference read with the managed identity; no value lives here.
      secrets: [for s in presentSecrets: {
        name: s.key
        keyVaultUrl: '${vault.properties.vaultUri}secrets/${s.key}'
        identity: identity.id
      }]
    }
    template: {
      terminationGracePeriodSeconds: 30
      containers: [
        {
          name: 'nabo'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(secretEnv, telegramEnv, [
            { name: 'HOST', value: '0.0.0.0' }
            { name: 'PORT', value: '3978' }
            { name: 'MicrosoftAppId', value: botAppId }
            { name: 'MicrosoftAppType', value: 'SingleTenant' }
            { name: 'MicrosoftAppTenantId', value: tenantId }
            { name: 'TEAMS_ALLOWED_TENANTS', value: tenantId }
            { name: 'NABO_COORDINATORS', value: coordinators }
            { name: 'NABO_PUBLIC_URL', value: publicUrl }
          ])
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: 3978 }
              initialDelaySeconds: 10
              periodSeconds: 30
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: 3978 }
              periodSeconds: 5
              failureThreshold: 2
            }
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: 3978 }
              periodSeconds: 5
              failureThreshold: 24
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: max(minReplicas, 4)
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Nabo'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Nabo\'s public address: NABO_PUBLIC_URL for `npm run teams:package`.')
output publicUrl string = publicUrl

@description('The messaging endpoint the Azure Bot calls.')
output botEndpoint string = bot.properties.endpoint

@description('Telegram webhook address (Nabo registers it itself at start).')
output telegramWebhookUrl string = '${publicUrl}/api/telegram'

@description('Key Vault holding the secrets (rotate them there, then restart the app).')
output keyVaultName string = vault.name

@description('PostgreSQL server, for pg_dump backups.')
output postgresHost string = postgres.properties.fullyQualifiedDomainName
