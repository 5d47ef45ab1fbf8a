# Gatehouse v0.1.0: writes Claude Code managed settings into the machine policy key.
# Run as an administrator (Intune platform script, GPO startup script).
#Requires -RunAsAdministrator
$ErrorActionPreference = 'Stop'
$key = 'HKLM:\SOFTWARE\Policies\ClaudeCode'
$settings = '{"$schema":"https://json.schemastore.org/claude-code-settings.json","env":{"GATEHOUSE_MODE":"enforce","GATEHOUSE_ENDPOINT":"https://gatehouse-agent.example.com","GATEHOUSE_AUTH":"REPLACE_WITH_BASE64_OF_CLIENT_ID_COLON_CLIENT_SECRET","GATEHOUSE_TIMEOUT_SECONDS":"8"},"extraKnownMarketplaces":{"gatehouse":{"source":{"source":"url","url":"https://github.com/gatehouse-dev/gatehouse/releases/download/v0.1.0/gatehouse-claude-0.1.0-linux-x86_64.marketplace.json"},"autoUpdate":false}},"enabledPlugins":{"gatehouse@gatehouse":true},"strictKnownMarketplaces":[{"source":"url","url":"https://github.com/gatehouse-dev/gatehouse/releases/download/v0.1.0/gatehouse-claude-0.1.0-linux-x86_64.marketplace.json"}],"permissions":{"allow":["Bash","Edit","Write","MultiEdit","NotebookEdit","WebFetch"],"deny":["Read(./.env)","Read(./.env.*)","Read(./secrets/**)"]},"allowManagedPermissionRulesOnly":true,"allowManagedHooksOnly":true}'
$null = $settings | ConvertFrom-Json  # refuse to write a value Claude Code could not parse
New-Item -Path $key -Force | Out-Null
New-ItemProperty -Path $key -Name 'Settings' -PropertyType String -Value $settings -Force | Out-Null
Write-Output "Gatehouse: wrote $key\Settings"
