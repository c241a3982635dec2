/**
 * What the owner is told about a work order or a due service, in the
 * vehicle's language when this catalogue has it (else English).
 */
export type MessageKind = 'booked' | 'proposed' | 'completed' | 'cancelled' | 'maintenance_due'

export interface MessageFacts { readonly vehicleId: string, readonly center: string, readonly slotDate: string | null, readonly cause?: string | null }

type Catalogue = Readonly<Record<MessageKind, (f: MessageFacts) => string>>

const when = (f: MessageFacts, none: string) => f.slotDate ?? none

const CATALOGUES: Readonly<Record<string, Catalogue>> = {
  en: {
    booked: (f) => `Vehicle ${f.vehicleId}: repair booked at ${f.center} on ${when(f, 'a date to be confirmed')}. The parts are reserved.`,
    proposed: (f) => `Vehicle ${f.vehicleId}: we propose a service appointment at ${f.center} on ${when(f, 'a date to be confirmed')}. Please accept or choose another centre.`,
    completed: (f) => `Vehicle ${f.vehicleId}: the work at ${f.center} is complete (${f.cause ?? 'see the work order'}).`,
    cancelled: (f) => `Vehicle ${f.vehicleId}: the appointment at ${f.center} was cancelled.`,
    maintenance_due: (f) => `Vehicle ${f.vehicleId} is due for its scheduled service. Proposed: ${f.center} on ${when(f, 'a date to be confirmed')}.`,
  },
  de: {
    booked: (f) => `Fahrzeug ${f.vehicleId}: Reparatur bei ${f.center} am ${when(f, 'noch offenen Termin')} gebucht. Die Teile sind reserviert.`,
    proposed: (f) => `Fahrzeug ${f.vehicleId}: Wir schlagen einen Werkstatttermin bei ${f.center} am ${when(f, 'noch offenen Termin')} vor. Bitte bestätigen oder eine andere Werkstatt wählen.`,
    completed: (f) => `Fahrzeug ${f.vehicleId}: Die Arbeiten bei ${f.center} sind abgeschlossen (${f.cause ?? 'siehe Auftrag'}).`,
    cancelled: (f) => `Fahrzeug ${f.vehicleId}: Der Termin bei ${f.center} wurde storniert.`,
    maintenance_due: (f) => `Fahrzeug ${f.vehicleId} ist zur planmäßigen Wartung fällig. Vorschlag: ${f.center} am ${when(f, 'noch offenen Termin')}.`,
  },
  es: {
    booked: (f) => `Vehículo ${f.vehicleId}: reparación reservada en ${f.center} el ${when(f, 'día por confirmar')}. Las piezas están reservadas.`,
    proposed: (f) => `Vehículo ${f.vehicleId}: proponemos una cita en ${f.center} el ${when(f, 'día por confirmar')}. Acéptela o elija otro taller.`,
    completed: (f) => `Vehículo ${f.vehicleId}: el trabajo en ${f.center} ha terminado (${f.cause ?? 'vea la orden de trabajo'}).`,
    cancelled: (f) => `Vehículo ${f.vehicleId}: la cita en ${f.center} se ha cancelado.`,
    maintenance_due: (f) => `El vehículo ${f.vehicleId} debe pasar su mantenimiento programado. Propuesta: ${f.center} el ${when(f, 'día por confirmar')}.`,
  },
  'zh-CN': {
    booked: (f) => `车辆 ${f.vehicleId}：已在 ${f.center} 预约维修，日期 ${when(f, '待定')}。零件已预留。`,
    proposed: (f) => `车辆 ${f.vehicleId}：建议于 ${when(f, '待定')} 在 ${f.center} 进行保养。请确认或选择其他服务中心。`,
    completed: (f) => `车辆 ${f.vehicleId}：${f.center} 的维修已完成（${f.cause ?? '见工单'}）。`,
    cancelled: (f) => `车辆 ${f.vehicleId}：在 ${f.center} 的预约已取消。`,
    maintenance_due: (f) => `车辆 ${f.vehicleId} 已到定期保养时间。建议：${when(f, '待定')} 在 ${f.center}。`,
  },
}

export function ownerMessage (kind: MessageKind, language: string | null, facts: MessageFacts): { language: string, text: string } {
  const lang = language !== null && language in CATALOGUES ? language : (language !== null && language.split('-')[0]! in CATALOGUES ? language.split('-')[0]! : 'en')
  return { language: lang, text: CATALOGUES[lang]![kind](facts) }
}
